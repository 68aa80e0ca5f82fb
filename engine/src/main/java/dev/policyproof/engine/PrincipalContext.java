package dev.policyproof.engine;

import org.jspecify.annotations.Nullable;

/**
 * Fills the global condition keys that AWS sets for every request from a principal: {@code aws:PrincipalArn},
 * {@code aws:PrincipalAccount}, {@code aws:PrincipalType}, {@code aws:PrincipalIsAWSService}, and where the
 * principal kind has them {@code aws:username} and {@code aws:userid}. Opt-in: requests carry only the keys a test
 * sets, and this helper is how a test sets these consistently.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html">AWS global
 *     condition context keys</a>
 */
public final class PrincipalContext {

    private PrincipalContext() {}

    /**
     * Returns the standard keys for {@code principal}.
     *
     * @param uniqueId the unique ID AWS assigns: the user ID ({@code AIDA...}) for a user, the role ID
     *     ({@code AROA...}) for a role session; null leaves {@code aws:userid} unset for those kinds, because it
     *     cannot be derived from the ARN
     */
    public static RequestContext standardKeys(PrincipalArn principal, @Nullable String uniqueId) {
        RequestContext.Builder keys = RequestContext.builder();
        switch (principal.kind()) {
            case ACCOUNT_ROOT -> {
                account(keys, principal, principal.identifier(), "Account");
                keys.put("aws:userid", principal.account());
            }
            case USER -> {
                account(keys, principal, principal.identifier(), "User");
                keys.put("aws:username", principal.identifier().substring(principal.identifier().lastIndexOf('/') + 1));
                if (uniqueId != null) {
                    keys.put("aws:userid", uniqueId);
                }
            }
            case ROLE_SESSION -> {
                // NOTE: a session ARN drops the role's path, so aws:PrincipalArn lacks it; set the key yourself for
                // roles with a path.
                account(keys, principal, principal.role().orElseThrow(), "AssumedRole");
                if (uniqueId != null) {
                    keys.put("aws:userid", uniqueId + ":" + sessionName(principal));
                }
            }
            case FEDERATED_USER -> {
                account(keys, principal, principal.identifier(), "FederatedUser");
                keys.put("aws:userid", principal.account() + ":" + sessionName(principal));
            }
            case SERVICE -> keys.put("aws:PrincipalIsAWSService", "true").put("aws:PrincipalServiceName",
                    principal.identifier());
            case ANONYMOUS -> keys.put("aws:PrincipalType", "Anonymous");
            case ROLE, IDENTITY_PROVIDER -> throw new IllegalArgumentException(principal.identifier()
                    + " does not send requests itself; use a session of the role, such as "
                    + "arn:aws:sts::111122223333:assumed-role/NAME/SESSION");
        }
        return keys.build();
    }

    private static void account(RequestContext.Builder keys, PrincipalArn principal, String arn, String type) {
        keys.put("aws:PrincipalArn", arn)
                .put("aws:PrincipalAccount", principal.account())
                .put("aws:PrincipalType", type)
                .put("aws:PrincipalIsAWSService", "false");
    }

    private static String sessionName(PrincipalArn principal) {
        return principal.identifier().substring(principal.identifier().lastIndexOf('/') + 1);
    }
}
