package dev.policyproof.engine;

/**
 * The outcome of authorizing a request.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html">
 *     The difference between explicit and implicit denies</a>
 */
public enum Decision {
    /** An applicable statement allows the request and none denies it. */
    ALLOW,
    /** An applicable {@code Deny} statement matched; no {@code Allow} anywhere can override it. */
    EXPLICIT_DENY,
    /** No applicable statement allows the request: the default. */
    IMPLICIT_DENY;

    public boolean isAllowed() {
        return this == ALLOW;
    }
}
