package dev.policyproof.engine;

import java.util.Locale;

/**
 * Where a policy is attached, which decides the elements it must and must not have.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html">Policies and permissions in
 *     IAM</a>
 */
public enum PolicyKind {
    /** Attached to a user, group or role: no {@code Principal}, and every statement names its resources. */
    IDENTITY(false, true, "identity policy"),
    /** Attached to a resource such as a bucket or key: every statement names a principal and resources. */
    RESOURCE(true, true, "resource policy"),
    /** A role's trust policy: names principals but no resources. */
    TRUST(true, false, "role trust policy");

    private final boolean principalRequired;
    private final boolean resourceRequired;
    private final String displayName;

    PolicyKind(boolean principalRequired, boolean resourceRequired, String displayName) {
        this.principalRequired = principalRequired;
        this.resourceRequired = resourceRequired;
        this.displayName = displayName;
    }

    /**
     * Returns the kind of policy that acts as the resource policy for {@code action}: a role's trust policy for the
     * {@code sts:AssumeRole*} actions, whose resource is the role, and a resource policy for everything else.
     */
    public static PolicyKind resourcePolicyFor(String action) {
        return action.toLowerCase(Locale.ROOT).startsWith("sts:assumerole") ? TRUST : RESOURCE;
    }

    public boolean principalRequired() {
        return principalRequired;
    }

    public boolean resourceRequired() {
        return resourceRequired;
    }

    public String displayName() {
        return displayName;
    }
}
