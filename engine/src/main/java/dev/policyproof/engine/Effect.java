package dev.policyproof.engine;

/**
 * The {@code Effect} element of a statement.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html">IAM JSON
 *     policy elements: Effect</a>
 */
public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String jsonName;

    Effect(String jsonName) {
        this.jsonName = jsonName;
    }

    /** Returns the spelling IAM requires in policy JSON. */
    public String jsonName() {
        return jsonName;
    }
}
