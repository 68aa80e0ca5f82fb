package dev.policyproof.engine.catalog;

/**
 * The access level the AWS Service Authorization Reference gives an action.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html">
 *     Access levels in policy summaries</a>
 */
public enum AccessLevel {
    LIST('L', "List"),
    READ('R', "Read"),
    WRITE('W', "Write"),
    PERMISSIONS_MANAGEMENT('P', "Permissions management"),
    TAGGING('T', "Tagging");

    private final char code;
    private final String displayName;

    AccessLevel(char code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    /** Returns the one-letter code the catalogue file stores. */
    public char code() {
        return code;
    }

    /** Returns the level as the AWS tables print it, for example "Permissions management". */
    public String displayName() {
        return displayName;
    }

    /**
     * Returns the level stored as {@code code}.
     *
     * @throws IllegalArgumentException if no level has that code
     */
    public static AccessLevel fromCode(char code) {
        for (AccessLevel level : values()) {
            if (level.code == code) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown access level code '" + code + "'; expected one of L, R, W, P, T");
    }
}
