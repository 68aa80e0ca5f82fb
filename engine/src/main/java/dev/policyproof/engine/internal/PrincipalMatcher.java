package dev.policyproof.engine.internal;

import dev.policyproof.engine.ElementResult;
import dev.policyproof.engine.PrincipalArn;
import dev.policyproof.engine.PrincipalArn.Kind;
import dev.policyproof.engine.PrincipalElement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Matches a statement's {@code Principal} or {@code NotPrincipal} element against the caller, and classifies a
 * {@code Principal} match by how directly it names the caller, which decides whether permissions boundaries and
 * session policies still limit the grant (IAM User Guide, "Policy evaluation logic" and "Permissions boundaries for
 * IAM entities").
 */
public final class PrincipalMatcher {

    /**
     * How a {@code Principal} element names the caller, strongest first: when several applicable statements name the
     * caller, the strongest decides, and a grant to the account is the weakest because it only delegates.
     */
    public enum Grant {
        /** The caller's own ARN: a user, role session, federated user, service or identity provider. */
        DIRECT,
        /** The role of a role session: limited by the session's boundary and session policy. */
        ROLE,
        /** {@code "*"}: everyone, anonymous callers included; limited like a grant to the role. */
        ANYONE,
        /** The caller's account, as an ID or root ARN: delegates to the account's identity policies. */
        ACCOUNT
    }

    private PrincipalMatcher() {}

    /** Returns how {@code element} names {@code caller}, or empty when it does not; a null caller matches only "*". */
    public static Optional<Grant> grant(PrincipalElement element, @Nullable PrincipalArn caller) {
        if (element.anyone()) {
            return Optional.of(Grant.ANYONE);
        }
        Grant best = null;
        for (Map.Entry<String, List<String>> entry : element.principals().entrySet()) {
            for (String value : entry.getValue()) {
                Grant grant = grantOf(entry.getKey(), value, caller);
                if (grant != null && (best == null || grant.ordinal() < best.ordinal())) {
                    best = grant;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Evaluates the element for a statement. A {@code NotPrincipal} matches callers it does not list exactly, and also
     * every caller with a permissions boundary, because a {@code Deny} with {@code NotPrincipal} always denies those
     * ("IAM JSON policy elements: NotPrincipal", "Permissions boundaries for IAM entities").
     */
    public static ElementResult evaluate(
            PrincipalElement element, @Nullable PrincipalArn caller, boolean callerHasBoundary) {
        String callerText = caller == null ? "an unspecified caller" : caller.identifier();
        if (element.negated()) {
            boolean listed = caller != null && lists(element, caller);
            if (listed && callerHasBoundary) {
                return new ElementResult("NotPrincipal", true, "NotPrincipal lists " + callerText
                        + ", but the statement covers every principal with a permissions boundary");
            }
            return new ElementResult("NotPrincipal", !listed, listed
                    ? "NotPrincipal lists " + callerText + ", so the statement exempts it"
                    : "NotPrincipal does not list " + callerText + " itself, so the statement covers it");
        }
        Optional<Grant> grant = grant(element, caller);
        return new ElementResult("Principal", grant.isPresent(), grant.isPresent()
                ? "Principal names " + callerText + describe(grant.get())
                : "Principal does not name " + callerText);
    }

    private static String describe(Grant grant) {
        return switch (grant) {
            case DIRECT -> " by its own ARN";
            case ROLE -> " through its role";
            case ACCOUNT -> " through its account";
            case ANYONE -> " as \"*\"";
        };
    }

    private static @Nullable Grant grantOf(String type, String value, @Nullable PrincipalArn caller) {
        if (type.equals("AWS") && value.equals("*")) {
            return Grant.ANYONE;
        }
        if (caller == null) {
            return null;
        }
        if (!type.equals("AWS")) {
            return value.equals(caller.identifier()) ? Grant.DIRECT : null;
        }
        if (value.equals(caller.identifier())) {
            return caller.kind() == Kind.ACCOUNT_ROOT ? Grant.ACCOUNT : Grant.DIRECT;
        }
        if (caller.hasAccount() && (value.equals(caller.account()) || value.equals(caller.accountRootArn()))) {
            return Grant.ACCOUNT;
        }
        if (caller.kind() == Kind.ROLE_SESSION && sameRole(value, caller)) {
            return Grant.ROLE;
        }
        return null;
    }

    /** Role ARNs may carry a path that session ARNs drop, so roles compare by account and name. */
    private static boolean sameRole(String roleArn, PrincipalArn session) {
        String[] fields = roleArn.split(":", 6);
        if (fields.length != 6 || !fields[2].equals("iam") || !fields[5].startsWith("role/")) {
            return false;
        }
        String name = fields[5].substring(fields[5].lastIndexOf('/') + 1);
        String sessionRole = session.role().orElse("");
        String sessionRoleName = sessionRole.substring(sessionRole.lastIndexOf('/') + 1);
        return fields[4].equals(session.account()) && name.equals(sessionRoleName);
    }

    /** A {@code NotPrincipal} exempts only the caller it lists by its own identifier. */
    private static boolean lists(PrincipalElement element, PrincipalArn caller) {
        return element.principals().values().stream()
                .flatMap(List::stream)
                .anyMatch(value -> value.equals(caller.identifier())
                        || (caller.kind() == Kind.ACCOUNT_ROOT && value.equals(caller.account())));
    }
}
