package dev.policyproof.engine.internal;

import dev.policyproof.engine.Decision;
import dev.policyproof.engine.EvaluationResult;
import dev.policyproof.engine.PolicyResult;
import dev.policyproof.engine.PrincipalArn;
import dev.policyproof.engine.PrincipalArn.Kind;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.StatementResult;
import dev.policyproof.engine.internal.PrincipalMatcher.Grant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Combines the policy types of a set into one decision, in the order of the IAM User Guide pages "How AWS enforcement
 * code logic evaluates requests to allow or deny access", "Policy evaluation for requests within a single account"
 * and "Cross-account policy evaluation logic":
 *
 * <ol>
 *   <li>An applicable {@code Deny} in any policy is an explicit deny.
 *   <li>RCPs: {@code RCPFullAWSAccess} is implied at every level, so RCPs only deny.
 *   <li>SCPs apply to IAM principals: every level needs an applicable {@code Allow}.
 *   <li>A VPC endpoint policy, when the request passes through one, must allow.
 *   <li>Same account: a resource policy that names the caller's own ARN (user, role session, federated user) grants
 *       regardless of identity policies, boundary and session policy; one that names the role or {@code "*"} grants
 *       within the boundary and session policy; one that names the account delegates to identity policies.
 *       Otherwise an identity policy must allow, within the boundary and session policy. Role trust policies and KMS
 *       key policies must allow even in the same account.
 *   <li>Cross account: the resource policy and the identity policies must both allow, within boundary and session
 *       policy.
 * </ol>
 */
public final class EvaluationLogic {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final List<CompiledPolicy> identity;
    private final @Nullable CompiledPolicy resource;
    private final @Nullable CompiledPolicy boundary;
    private final @Nullable CompiledPolicy session;
    private final List<List<CompiledPolicy>> scpLevels;
    private final List<List<CompiledPolicy>> rcpLevels;
    private final @Nullable CompiledPolicy vpcEndpoint;

    public EvaluationLogic(
            List<CompiledPolicy> identity,
            @Nullable CompiledPolicy resource,
            @Nullable CompiledPolicy boundary,
            @Nullable CompiledPolicy session,
            List<List<CompiledPolicy>> scpLevels,
            List<List<CompiledPolicy>> rcpLevels,
            @Nullable CompiledPolicy vpcEndpoint) {
        this.identity = identity;
        this.resource = resource;
        this.boundary = boundary;
        this.session = session;
        this.scpLevels = scpLevels;
        this.rcpLevels = rcpLevels;
        this.vpcEndpoint = vpcEndpoint;
    }

    public EvaluationResult evaluate(Request request) {
        PrincipalArn caller = request.principal().map(PrincipalArn::parse).orElse(null);
        Run run = new Run(request, caller);
        Decision decision = run.decide();
        return new EvaluationResult(request, decision, run.results, run.reasons);
    }

    /** The state of one evaluation: every policy's result, and the reasons collected while deciding. */
    private final class Run {
        private final Request request;
        private final @Nullable PrincipalArn caller;
        private final List<PolicyResult> results = new ArrayList<>();
        private final List<String> reasons = new ArrayList<>();
        private final List<PolicyResult> identityResults = new ArrayList<>();
        private final List<List<PolicyResult>> scpResults = new ArrayList<>();
        private @Nullable PolicyResult resourceResult;
        private @Nullable PolicyResult boundaryResult;
        private @Nullable PolicyResult sessionResult;
        private @Nullable PolicyResult vpcEndpointResult;

        Run(Request request, @Nullable PrincipalArn caller) {
            this.request = request;
            this.caller = caller;
            for (CompiledPolicy policy : identity) {
                identityResults.add(add(policy));
            }
            resourceResult = resource == null ? null : add(resource);
            boundaryResult = boundary == null ? null : add(boundary);
            sessionResult = session == null ? null : add(session);
            for (List<CompiledPolicy> level : scpLevels) {
                scpResults.add(level.stream().map(this::add).toList());
            }
            rcpLevels.forEach(level -> level.forEach(this::add));
            vpcEndpointResult = vpcEndpoint == null ? null : add(vpcEndpoint);
        }

        private PolicyResult add(CompiledPolicy policy) {
            PolicyResult result = policy.evaluate(request, caller, boundary != null);
            results.add(result);
            return result;
        }

        Decision decide() {
            List<StatementResult> denies = results.stream()
                    .flatMap(policy -> policy.statements().stream())
                    .filter(s -> s.applies() && s.effect() == dev.policyproof.engine.Effect.DENY)
                    .toList();
            if (!denies.isEmpty()) {
                denies.forEach(s -> reasons.add("explicit deny: " + s.ref().describe()));
                return Decision.EXPLICIT_DENY;
            }
            if (!rcpLevels.isEmpty()) {
                reasons.add("RCPs: RCPFullAWSAccess is attached at every level, and no RCP denies");
            }
            if (!scpsAllow() || !vpcEndpointAllows()) {
                return Decision.IMPLICIT_DENY;
            }
            return grant() ? Decision.ALLOW : Decision.IMPLICIT_DENY;
        }

        private boolean scpsAllow() {
            if (scpResults.isEmpty()) {
                return true;
            }
            if (caller != null && !caller.hasAccount()) {
                reasons.add("SCPs do not apply to " + caller.identifier());
                return true;
            }
            for (int i = 0; i < scpResults.size(); i++) {
                if (scpResults.get(i).stream().noneMatch(PolicyResult::allows)) {
                    reasons.add("implicit deny: no SCP at organization level " + (i + 1) + " of " + scpResults.size()
                            + " allows the request, and every level must");
                    return false;
                }
            }
            reasons.add("every SCP level allows the request");
            return true;
        }

        private boolean vpcEndpointAllows() {
            if (vpcEndpointResult == null) {
                return true;
            }
            if (!vpcEndpointResult.allows()) {
                reasons.add("implicit deny: the VPC endpoint policy does not allow the request");
                return false;
            }
            return true;
        }

        private boolean grant() {
            Optional<Grant> resourceGrant = resourceGrant();
            if (caller != null && !caller.hasAccount()) {
                return grantWithoutAccount(resourceGrant);
            }
            boolean sameAccount = isSameAccount();
            if (sameAccount && resourceGrant.isPresent() && resourceGrant.get() != Grant.ACCOUNT) {
                return sameAccountResourceGrant(resourceGrant.get());
            }
            if (requiresResourceGrant() && resourceGrant.isEmpty()) {
                reasons.add("implicit deny: " + requiredResourcePolicy() + " must allow this request, even in the "
                        + "same account, and " + (resource == null ? "the set has none" : "it does not"));
                return false;
            }
            if (!sameAccount && resourceGrant.isEmpty()) {
                reasons.add("implicit deny: cross-account request to account " + resourceAccount()
                        + ", so the resource policy must allow it, and "
                        + (resource == null ? "the set has none" : "it does not"));
                return false;
            }
            if (!identityAllows()) {
                return false;
            }
            return boundaryAndSessionAllow();
        }

        /** Services, identity providers and anonymous callers have no identity policies: only resource policies grant. */
        private boolean grantWithoutAccount(Optional<Grant> resourceGrant) {
            if (resourceGrant.isPresent()) {
                reasons.add("the resource policy grants " + caller.identifier());
                return true;
            }
            reasons.add("implicit deny: only a resource policy can grant " + caller.identifier() + ", and "
                    + (resource == null ? "the set has none" : "it does not"));
            return false;
        }

        private boolean sameAccountResourceGrant(Grant grant) {
            if (grant == Grant.DIRECT) {
                reasons.add("the resource policy names the caller's own ARN in the same account, so neither identity "
                        + "policies nor a permissions boundary or session policy can limit the grant");
                return true;
            }
            reasons.add("the resource policy grants the request in the same account"
                    + (grant == Grant.ROLE ? " through the caller's role" : " to \"*\"")
                    + ", within the permissions boundary and session policy");
            return boundaryAndSessionAllow();
        }

        private boolean identityAllows() {
            if (caller != null && caller.kind() == Kind.ACCOUNT_ROOT && isSameAccount()) {
                reasons.add("the account root user needs no identity policy in its own account");
                return true;
            }
            if (identityResults.stream().anyMatch(PolicyResult::allows)) {
                reasons.add("an identity policy allows the request");
                return true;
            }
            reasons.add(identityResults.isEmpty()
                    ? "implicit deny: the set has no identity policy to allow the request"
                    : "implicit deny: no identity policy allows the request");
            return false;
        }

        private boolean boundaryAndSessionAllow() {
            if (boundaryResult != null && !boundaryResult.allows()) {
                reasons.add("implicit deny: the permissions boundary does not allow the request");
                return false;
            }
            if (sessionResult != null && !sessionResult.allows()) {
                reasons.add("implicit deny: the session policy does not allow the request");
                return false;
            }
            return true;
        }

        private Optional<Grant> resourceGrant() {
            if (resource == null || resourceResult == null) {
                return Optional.empty();
            }
            return resource.strongestGrant(resourceResult, caller);
        }

        private boolean isSameAccount() {
            if (caller == null) {
                return true;
            }
            String account = resourceAccount();
            return account == null || account.equals(caller.account());
        }

        private @Nullable String resourceAccount() {
            if (request.resourceAccount().isPresent()) {
                return request.resourceAccount().get();
            }
            String[] fields = request.resource().split(":", 6);
            if (fields.length == 6 && ACCOUNT_ID.matcher(fields[4]).matches()) {
                return fields[4];
            }
            return null;
        }

        private boolean requiresResourceGrant() {
            return isAssumeRole() || isKmsKey();
        }

        private String requiredResourcePolicy() {
            return isAssumeRole() ? "the role's trust policy" : "the KMS key policy";
        }

        private boolean isAssumeRole() {
            return request.action().toLowerCase(Locale.ROOT).startsWith("sts:assumerole");
        }

        private boolean isKmsKey() {
            String[] fields = request.resource().split(":", 6);
            return fields.length == 6 && fields[2].equals("kms") && fields[5].startsWith("key/");
        }
    }
}
