package dev.policyproof.engine.proof;

import dev.policyproof.engine.Effect;
import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.PrincipalArn;
import dev.policyproof.engine.PrincipalArn.Kind;
import dev.policyproof.engine.PrincipalElement;
import dev.policyproof.engine.internal.PrincipalMatcher;
import dev.policyproof.engine.internal.PrincipalMatcher.Grant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Computes the allowed requests of a policy set as a region, by the same combination rules the evaluator applies to
 * one request (see {@code EvaluationLogic}). It does so for each representative principal separately, because the
 * rules depend on the caller: denies from every policy, every SCP level, the VPC endpoint policy, and grants by
 * identity or resource policy as same-account and cross-account rules require, within boundary and session policy.
 */
final class SymbolicEvaluator {

    private static final StringSet KMS_KEYS = StringSet.arnPattern("arn:*:kms:*:*:key/*").describedAs("");

    private final Universe universe;
    private final StatementCompiler compiler;
    private final Map<Policy, List<StatementRegion>> compiled = new LinkedHashMap<>();
    private final Map<Policy, List<StatementRegion>> compiledWithBoundary = new LinkedHashMap<>();
    private final @Nullable String resourceAccount;

    /**
     * @param resourceAccount the account that owns every resource, as a request's {@code resourceAccount} sets it;
     *     null to take it from each ARN's account field, or the caller's account where the ARN has none
     */
    SymbolicEvaluator(Universe universe, @Nullable String resourceAccount) {
        this.universe = universe;
        this.compiler = new StatementCompiler(universe);
        this.resourceAccount = resourceAccount;
    }

    /** Returns the region of every statement of {@code policies}, compiled once per policy. */
    List<StatementRegion> regions(PolicySet policies) {
        List<StatementRegion> all = new ArrayList<>();
        policies.allPolicies().forEach(policy -> all.addAll(regions(policies, policy)));
        return all;
    }

    private List<StatementRegion> regions(PolicySet policies, Policy policy) {
        boolean boundary = policies.permissionsBoundary().isPresent();
        Map<Policy, List<StatementRegion>> cache = boundary ? compiledWithBoundary : compiled;
        return cache.computeIfAbsent(policy, p -> p.statements().stream()
                .map(statement -> compiler.compile(p, statement, boundary))
                .toList());
    }

    /** Returns the allowed requests inside {@code scope} for the given bound. */
    Region allowed(PolicySet policies, Cube scope, Bound bound) {
        Region allowed = Region.empty();
        for (int index = 0; index < universe.principals().size(); index++) {
            BitSet one = universe.principal(index);
            one.and(scope.principals());
            if (!one.isEmpty()) {
                allowed = allowed.or(allowedFor(policies, scope.withPrincipals(one), index, bound));
            }
        }
        return allowed;
    }

    private Region allowedFor(PolicySet policies, Cube scope, int index, Bound bound) {
        PrincipalArn caller = universe.principals().get(index);
        Region within = Region.of(scope);
        Region denied = denies(policies, within, bound);
        Region filters = within.and(scps(policies, within, caller, bound)).and(endpoint(policies, within, bound));
        if (filters.isEmpty()) {
            return Region.empty();
        }
        Region granted = caller.hasAccount()
                ? grantedToAccountPrincipal(policies, filters, caller, bound)
                : resourceGrants(policies, filters, caller, bound).values().stream().reduce(Region.empty(), Region::or);
        return granted.minus(denied);
    }

    private Region grantedToAccountPrincipal(PolicySet policies, Region within, PrincipalArn caller, Bound bound) {
        Map<Grant, Region> grants = resourceGrants(policies, within, caller, bound);
        Region direct = grants.getOrDefault(Grant.DIRECT, Region.empty());
        Region roleOrAnyone = grants.getOrDefault(Grant.ROLE, Region.empty())
                .or(grants.getOrDefault(Grant.ANYONE, Region.empty()));
        Region account = grants.getOrDefault(Grant.ACCOUNT, Region.empty());
        Region limits = allows(policies, policies.permissionsBoundary(), within, bound, within)
                .and(allows(policies, policies.sessionPolicy(), within, bound, within));

        StringSet crossArns = resourceAccount == null
                ? StringSet.otherAccountArns(caller.account())
                : resourceAccount.equals(caller.account()) ? StringSet.none() : StringSet.any();
        Region same = restrictResources(within, crossArns.not());
        Region cross = restrictResources(within, crossArns);

        Region identity = caller.kind() == Kind.ACCOUNT_ROOT
                ? same.or(identityAllows(policies, cross, bound))
                : identityAllows(policies, within, bound);
        Region requiresResourceGrant = requiresResourceGrant(within);
        Region delegated = identity.and(limits)
                .and(within.minus(requiresResourceGrant).or(account))
                .minus(direct.or(roleOrAnyone));
        Region sameAccount = same.and(direct.or(roleOrAnyone.and(limits)).or(delegated));

        Region anyGrant = direct.or(roleOrAnyone).or(account);
        Region crossAccount = cross.and(anyGrant).and(identityAllows(policies, cross, bound)).and(limits);
        return sameAccount.or(crossAccount);
    }

    private Region identityAllows(PolicySet policies, Region within, Bound bound) {
        Region allowed = Region.empty();
        for (Policy policy : policies.identityPolicies()) {
            allowed = allowed.or(statementsOf(policies, policy, Effect.ALLOW, bound));
        }
        return within.and(allowed);
    }

    /** Returns the allows of {@code policy}, or {@code absent} when the set has no such policy. */
    private Region allows(PolicySet policies, Optional<Policy> policy, Region within, Bound bound, Region absent) {
        return policy.map(p -> within.and(statementsOf(policies, p, Effect.ALLOW, bound))).orElse(absent);
    }

    private Region denies(PolicySet policies, Region within, Bound bound) {
        Region denied = Region.empty();
        for (Policy policy : policies.allPolicies()) {
            denied = denied.or(within.and(statementsOf(policies, policy, Effect.DENY, bound)));
        }
        return denied;
    }

    /** SCPs apply to principals with an account: every level needs an allow. */
    private Region scps(PolicySet policies, Region within, PrincipalArn caller, Bound bound) {
        Region allowed = within;
        if (!caller.hasAccount()) {
            return allowed;
        }
        for (List<Policy> level : policies.scpLevels()) {
            Region levelAllows = Region.empty();
            for (Policy policy : level) {
                levelAllows = levelAllows.or(statementsOf(policies, policy, Effect.ALLOW, bound));
            }
            allowed = allowed.and(levelAllows);
        }
        return allowed;
    }

    private Region endpoint(PolicySet policies, Region within, Bound bound) {
        return allows(policies, policies.vpcEndpointPolicy(), within, bound, within);
    }

    /** Groups the resource policy's applicable allows by how they name the caller. */
    private Map<Grant, Region> resourceGrants(PolicySet policies, Region within, PrincipalArn caller, Bound bound) {
        Map<Grant, Region> grants = new EnumMap<>(Grant.class);
        Optional<Policy> resource = policies.resourcePolicy();
        if (resource.isEmpty()) {
            return grants;
        }
        for (StatementRegion region : regions(policies, resource.get())) {
            if (region.statement().effect() != Effect.ALLOW) {
                continue;
            }
            Optional<PrincipalElement> element = region.statement().principal();
            if (element.isPresent() && element.get().negated()) {
                continue;
            }
            Optional<Grant> grant = element.flatMap(e -> PrincipalMatcher.grant(e, caller));
            if (grant.isEmpty() && element.isPresent()) {
                continue;
            }
            Grant kind = grant.orElse(Grant.ANYONE);
            grants.merge(kind, within.and(region.forBound(bound)), Region::or);
        }
        return grants;
    }

    private Region statementsOf(PolicySet policies, Policy policy, Effect effect, Bound bound) {
        Region union = Region.empty();
        for (StatementRegion region : regions(policies, policy)) {
            if (region.statement().effect() == effect) {
                union = union.or(region.forBound(bound));
            }
        }
        return union;
    }

    /** Role trust policies and KMS key policies must allow even in the same account. */
    private Region requiresResourceGrant(Region within) {
        BitSet assumeRole = universe.actions().matching("sts:AssumeRole*");
        Region roles = within.and(Region.of(universe.everything().withActions(assumeRole)));
        Region keys = restrictResources(within, KMS_KEYS);
        return roles.or(keys);
    }

    private static Region restrictResources(Region region, StringSet resources) {
        List<Cube> cubes = new ArrayList<>();
        for (Cube cube : region.cubes()) {
            cubes.add(cube.withResources(cube.resources().and(resources)));
        }
        return Region.of(cubes);
    }
}
