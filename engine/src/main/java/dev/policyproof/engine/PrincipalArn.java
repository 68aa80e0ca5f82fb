package dev.policyproof.engine;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A calling principal, with the kind and account derived from its identifier. Nothing else is derived: context keys
 * such as {@code aws:username} stay whatever the request sets.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html">IAM JSON
 *     policy elements: Principal</a>
 */
public record PrincipalArn(String identifier, Kind kind, String partition, String account, @Nullable String roleArn) {

    /** The kinds of principal a request can come from. */
    public enum Kind {
        /** {@code arn:aws:iam::111122223333:root}, the account's root user. */
        ACCOUNT_ROOT,
        /** {@code arn:aws:iam::111122223333:user/path/name}. */
        USER,
        /** {@code arn:aws:iam::111122223333:role/path/name}, as named in policies; requests come from its sessions. */
        ROLE,
        /** {@code arn:aws:sts::111122223333:assumed-role/ROLE/SESSION}, a session of a role. */
        ROLE_SESSION,
        /** {@code arn:aws:sts::111122223333:federated-user/NAME}, from {@code GetFederationToken}. */
        FEDERATED_USER,
        /** A service principal such as {@code ssm.amazonaws.com}. */
        SERVICE,
        /** A SAML or OIDC provider ARN, as trust policies name it under {@code Federated}. */
        IDENTITY_PROVIDER,
        /** An unauthenticated caller, written {@code *}. */
        ANONYMOUS
    }

    private static final Pattern IAM_ARN =
            Pattern.compile("arn:([a-z-]+):(iam|sts)::(\\d{12}):(root|user/.+|role/.+|assumed-role/.+/.+|federated-user/.+)");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9.-]+\\.amazonaws\\.com(\\.cn)?");
    private static final Pattern PROVIDER = Pattern.compile("arn:([a-z-]+):iam::(\\d{12}):(saml-provider|oidc-provider)/.+");

    public PrincipalArn {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(account, "account");
    }

    /**
     * Parses a principal identifier: an IAM or STS ARN, a service principal, or {@code *}.
     *
     * @throws IllegalArgumentException if {@code identifier} is none of these
     */
    public static PrincipalArn parse(String identifier) {
        if (identifier.equals("*")) {
            return new PrincipalArn(identifier, Kind.ANONYMOUS, "", "", null);
        }
        if (SERVICE.matcher(identifier).matches()) {
            return new PrincipalArn(identifier, Kind.SERVICE, "", "", null);
        }
        Matcher provider = PROVIDER.matcher(identifier);
        if (provider.matches()) {
            return new PrincipalArn(identifier, Kind.IDENTITY_PROVIDER, provider.group(1), provider.group(2), null);
        }
        Matcher matcher = IAM_ARN.matcher(identifier);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + identifier + "\" is not a principal; use an IAM user or role ARN, "
                    + "an assumed-role session ARN, a service principal such as ssm.amazonaws.com, or *");
        }
        String partition = matcher.group(1);
        String service = matcher.group(2);
        String account = matcher.group(3);
        String resource = matcher.group(4);
        Kind kind = kindOf(service, resource, identifier);
        String roleArn = null;
        if (kind == Kind.ROLE_SESSION) {
            String roleName = resource.substring("assumed-role/".length(), resource.lastIndexOf('/'));
            roleArn = "arn:" + partition + ":iam::" + account + ":role/" + roleName;
        }
        return new PrincipalArn(identifier, kind, partition, account, roleArn);
    }

    private static Kind kindOf(String service, String resource, String identifier) {
        boolean sts = service.equals("sts");
        if (resource.equals("root") && !sts) {
            return Kind.ACCOUNT_ROOT;
        }
        if (resource.startsWith("user/") && !sts) {
            return Kind.USER;
        }
        if (resource.startsWith("role/") && !sts) {
            return Kind.ROLE;
        }
        if (resource.startsWith("assumed-role/") && sts) {
            return Kind.ROLE_SESSION;
        }
        if (resource.startsWith("federated-user/") && sts) {
            return Kind.FEDERATED_USER;
        }
        throw new IllegalArgumentException("\"" + identifier + "\" mixes the iam and sts forms; users, roles and root "
                + "are arn:aws:iam::..., sessions and federated users arn:aws:sts::...");
    }

    /** Returns the ARN of the role for a role session: resource policies that name the role apply to its sessions. */
    public Optional<String> role() {
        return Optional.ofNullable(roleArn);
    }

    /** Returns true for principals that carry an AWS account: all but services and anonymous callers. */
    public boolean hasAccount() {
        return !account.isEmpty();
    }

    /** Returns the account root ARN, which resource policies use to name the whole account. */
    public String accountRootArn() {
        return "arn:" + partition + ":iam::" + account + ":root";
    }

    @Override
    public String toString() {
        return identifier;
    }
}
