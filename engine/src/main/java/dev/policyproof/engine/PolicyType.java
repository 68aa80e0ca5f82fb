package dev.policyproof.engine;

/**
 * The role a policy plays in one authorization, which decides how its statements combine with the others.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html">
 *     How AWS enforcement code logic evaluates requests to allow or deny access</a>
 */
public enum PolicyType {
    /** Attached to the calling user, its groups, or the role: grants, inline or managed. */
    IDENTITY("identity policy"),
    /** Attached to the resource, such as a bucket policy, key policy or role trust policy: grants to principals. */
    RESOURCE("resource policy"),
    /** The maximum permissions of the user or role; never grants. */
    PERMISSIONS_BOUNDARY("permissions boundary"),
    /** Passed when a role session or federated user session is created; limits that session, never grants. */
    SESSION("session policy"),
    /** An AWS Organizations service control policy on one level from the root to the principal's account. */
    SCP("service control policy"),
    /** An AWS Organizations resource control policy on one level from the root to the resource's account. */
    RCP("resource control policy"),
    /** The policy of the VPC endpoint the request passes through. */
    VPC_ENDPOINT("VPC endpoint policy");

    private final String displayName;

    PolicyType(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
