package dev.policyproof.engine.proof;

import dev.policyproof.engine.Decision;
import dev.policyproof.engine.EvaluationResult;
import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.PrincipalArn;
import dev.policyproof.engine.PrincipalElement;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Answers questions over every request in a scope, for one policy set or a pair of them. Each answer is computed on
 * two bounds of the allowed requests. When the upper bound has no request with the property, the answer is a proof
 * of "none". When the lower bound has one, it is a counterexample, which the evaluator decides again before it is
 * returned. Otherwise the answer is unknown, with the inexact parts that decide it.
 */
public final class PolicyAnalyzer {

    /** An account that no policy names, standing for "any other account" in public-access questions. */
    static final String FOREIGN_ACCOUNT = "777788889999";

    private final PolicySet policies;
    private final ActionSpace actions;

    private PolicyAnalyzer(PolicySet policies, ActionSpace actions) {
        this.policies = policies;
        this.actions = actions;
    }

    /** Returns an analyzer over every action of the bundled catalogue plus the literal actions the policies name. */
    public static PolicyAnalyzer of(PolicySet policies) {
        return new PolicyAnalyzer(policies, ActionSpace.bundled());
    }

    /** Returns an analyzer whose actions range over {@code actions} plus the literal actions the policies name. */
    public static PolicyAnalyzer of(PolicySet policies, ActionSpace actions) {
        return new PolicyAnalyzer(policies, actions);
    }

    /**
     * Returns whether some request in any of {@code scopes} is allowed, with one such request: one question for
     * several scopes, cheaper than asking each. The scopes' principals and accounts come from the first.
     */
    public Answer findAllowedInAny(List<Scope> scopes) {
        return bounded(() -> findAllowedInAnyExactly(scopes));
    }

    private Answer findAllowedInAnyExactly(List<Scope> scopes) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("name at least one scope");
        }
        Analysis analysis = new Analysis(scopes, List.of(policies), List.of());
        Region lower = analysis.allowed(policies, Bound.LOWER);
        if (!lower.isEmpty() || analysis.exact()) {
            return analysis.answer(lower, lower, policies);
        }
        return analysis.answer(lower, analysis.allowed(policies, Bound.UPPER), policies);
    }

    /** Returns whether some request in {@code scope} is allowed, with one such request. */
    public Answer findAllowed(Scope scope) {
        return findAllowedExcept(scope, List.of());
    }

    /**
     * Returns whether some request in {@code scope} outside every one of {@code permitted} is allowed: the local
     * counterpart of "grants only" and of Access Analyzer's CheckAccessNotGranted.
     */
    public Answer findAllowedExcept(Scope scope, List<Scope> permitted) {
        return bounded(() -> findAllowedExceptExactly(scope, permitted));
    }

    private Answer findAllowedExceptExactly(Scope scope, List<Scope> permitted) {
        Analysis analysis = new Analysis(scope, List.of(policies), permitted);
        Region lower = analysis.allowed(policies, Bound.LOWER);
        if (!lower.isEmpty() || analysis.exact()) {
            return analysis.answer(lower, lower, policies);
        }
        return analysis.answer(lower, analysis.allowed(policies, Bound.UPPER), policies);
    }

    /** Actions listed by name per region before the rest are counted. */
    private static final int MAX_ACTIONS_LISTED = 12;

    /**
     * Describes the allowed requests in {@code scope} as a finite list of regions. Exact unless some statement in
     * scope is not, in which case the regions are an upper bound and the inexact parts are listed.
     */
    public AllowedRequests describeAllowed(Scope scope) {
        Analysis analysis = new Analysis(scope, List.of(policies), List.of());
        boolean exact = analysis.exact();
        Region region = analysis.allowed(policies, exact ? Bound.LOWER : Bound.UPPER);
        List<List<String>> regions = region.cubes().stream()
                .map(cube -> cube.describe(analysis.universe, MAX_ACTIONS_LISTED))
                .toList();
        List<Unknown> unknowns = exact ? List.of() : analysis.unknowns();
        return new AllowedRequests(regions, exact, unknowns);
    }

    /**
     * Returns whether this analyzer's policies allow some request in {@code scope} that {@code baseline} does not:
     * the local counterpart of Access Analyzer's CheckNoNewAccess.
     */
    public Answer findNewAccess(PolicySet baseline, Scope scope) {
        return bounded(() -> findNewAccessExactly(baseline, scope));
    }

    private Answer findNewAccessExactly(PolicySet baseline, Scope scope) {
        Analysis analysis = new Analysis(scope, List.of(policies, baseline), List.of());
        Region lower = analysis.allowed(policies, Bound.LOWER).minus(analysis.allowed(baseline, Bound.UPPER));
        if (!lower.isEmpty() || analysis.exact()) {
            return analysis.answer(lower, lower, policies);
        }
        Region upper = analysis.allowed(policies, Bound.UPPER).minus(analysis.allowed(baseline, Bound.LOWER));
        return analysis.answer(lower, upper, policies);
    }

    /**
     * Returns whether the resource policy allows a request from anyone outside the resource's account: an anonymous
     * caller, or a principal of an account no policy names whose own policies allow everything. The resource belongs
     * to the scope's resource account, else to the scope's account. The local counterpart of Access Analyzer's
     * CheckNoPublicAccess.
     */
    public Answer findPublicAccess(Scope scope) {
        return bounded(() -> findPublicAccessExactly(scope));
    }

    private Answer findPublicAccessExactly(Scope scope) {
        Policy resource = policies.resourcePolicy()
                .orElseThrow(() -> new IllegalArgumentException("the policy set has no resource policy to check"));
        Policy everything = everythingPolicy();
        PolicySet outsider = PolicySet.builder()
                .name(policies.name())
                .addIdentity(everything)
                .resourcePolicy(resource)
                .rcpLevels(policies.rcpLevels())
                .vpcEndpointPolicy(policies.vpcEndpointPolicy().orElse(null))
                .build();
        List<String> outsiders = List.of("*", "arn:aws:iam::" + FOREIGN_ACCOUNT + ":user/policyproof-outsider");
        Scope owned = scope.withPrincipals(outsiders)
                .withResourceAccount(scope.resourceAccount() == null ? scope.account() : scope.resourceAccount());
        Analysis analysis = new Analysis(owned, List.of(outsider), List.of());
        return analysis.answer(
                analysis.allowed(outsider, Bound.LOWER), analysis.allowed(outsider, Bound.UPPER), outsider);
    }

    /** Turns a question too large for exact analysis into an unknown answer that names the reason. */
    private Answer bounded(java.util.function.Supplier<Answer> question) {
        try {
            return question.get();
        } catch (TooComplexException e) {
            Policy first = policies.allPolicies().get(0);
            return new Answer(Answer.Status.UNKNOWN, null, null, List.of(new Unknown(e.getMessage(), first.location())));
        }
    }

    private static Policy everythingPolicy() {
        return dev.policyproof.engine.PolicyParser.identity().parse("any identity policy of another account",
                "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\","
                        + " \"Resource\": \"*\"}]}");
    }

    /** One question's universe, scope and evaluator. */
    private final class Analysis {
        private final Universe universe;
        private final SymbolicEvaluator evaluator;
        private final List<PolicySet> sets;
        private final Region outside;
        private final @Nullable String resourceAccount;

        Analysis(Scope scope, List<PolicySet> sets, List<Scope> permitted) {
            this(List.of(scope), sets, permitted);
        }

        Analysis(List<Scope> scopes, List<PolicySet> sets, List<Scope> permitted) {
            Scope scope = scopes.get(0);
            this.sets = sets;
            List<Policy> all = new ArrayList<>();
            sets.forEach(set -> all.addAll(set.allPolicies()));
            Set<String> literals = new LinkedHashSet<>();
            scopes.forEach(s -> literals.addAll(s.actions()));
            permitted.forEach(p -> literals.addAll(p.actions()));
            all.forEach(policy -> policy.statements().forEach(s -> literals.addAll(s.action().values())));
            this.universe = new Universe(actions.withLiterals(literals), principals(scope, all), all);
            this.resourceAccount = scope.resourceAccount();
            this.evaluator = new SymbolicEvaluator(universe, resourceAccount);
            Region outside = Region.empty();
            for (Scope each : scopes) {
                outside = outside.or(Region.of(cube(each)));
            }
            for (Scope excluded : permitted) {
                outside = outside.minus(Region.of(cube(excluded.withPrincipals(List.of()))));
            }
            this.outside = outside;
        }

        Region allowed(PolicySet set, Bound bound) {
            Region allowed = Region.empty();
            for (Cube cube : outside.cubes()) {
                allowed = allowed.or(evaluator.allowed(set, cube, bound));
            }
            return allowed;
        }

        /** Returns true when every statement is exact, so that both bounds are the same region. */
        boolean exact() {
            return sets.stream().allMatch(set -> evaluator.regions(set).stream().allMatch(StatementRegion::exact));
        }

        Answer answer(Region lower, Region upper, PolicySet evaluatedBy) {
            if (!lower.isEmpty()) {
                Request request = new Witnesses(universe, resourceAccount).request(lower.first().orElseThrow());
                EvaluationResult result = evaluatedBy.evaluate(request);
                if (result.decision() != Decision.ALLOW) {
                    throw new IllegalStateException("the prover's counterexample " + request + " evaluates to "
                            + result.decision() + "; this is a bug in policyproof");
                }
                return new Answer(Answer.Status.FOUND, request, result, List.of());
            }
            if (upper.isEmpty()) {
                return new Answer(Answer.Status.NONE, null, null, List.of());
            }
            return new Answer(Answer.Status.UNKNOWN, null, null, unknowns());
        }

        List<Unknown> unknowns() {
            List<Unknown> unknowns = new ArrayList<>();
            for (PolicySet set : sets) {
                evaluator.regions(set).forEach(region -> unknowns.addAll(region.unknowns()));
            }
            return unknowns;
        }

        private Cube cube(Scope scope) {
            Cube cube = universe.everything();
            if (!scope.actions().isEmpty()) {
                BitSet matched = new BitSet();
                scope.actions().forEach(pattern -> matched.or(universe.actions().matching(pattern)));
                cube = cube.withActions(matched);
            }
            if (!scope.resources().isEmpty()) {
                StringSet resources = StringSet.none();
                for (String pattern : scope.resources()) {
                    resources = resources.or(StringSet.arnPattern(pattern));
                }
                cube = cube.withResources(resources);
            }
            return cube;
        }
    }

    /**
     * Returns the callers to try: the scope's principals if it names any; otherwise a user of the scope's account,
     * plus one representative of every principal the policies name, so that every way a {@code Principal} element
     * can match is covered.
     */
    private static List<PrincipalArn> principals(Scope scope, List<Policy> policies) {
        if (!scope.principals().isEmpty()) {
            return scope.principals().stream().map(PrincipalArn::parse).toList();
        }
        Map<String, PrincipalArn> found = new LinkedHashMap<>();
        add(found, "arn:aws:iam::" + scope.account() + ":user/policyproof-caller");
        for (Policy policy : policies) {
            for (Statement statement : policy.statements()) {
                statement.principal().ifPresent(element -> addNamed(found, element));
            }
        }
        return List.copyOf(found.values());
    }

    private static void addNamed(Map<String, PrincipalArn> found, PrincipalElement element) {
        if (element.anyone()) {
            add(found, "*");
            add(found, "arn:aws:iam::" + FOREIGN_ACCOUNT + ":user/policyproof-outsider");
            return;
        }
        element.principals().forEach((type, values) -> values.forEach(value -> addValue(found, type, value)));
    }

    private static void addValue(Map<String, PrincipalArn> found, String type, String value) {
        if (value.equals("*")) {
            add(found, "*");
            add(found, "arn:aws:iam::" + FOREIGN_ACCOUNT + ":user/policyproof-outsider");
        } else if (value.matches("\\d{12}")) {
            add(found, "arn:aws:iam::" + value + ":root");
            add(found, "arn:aws:iam::" + value + ":user/policyproof-member");
        } else if (value.matches("arn:[^:]+:iam::\\d{12}:role/.+")) {
            String[] fields = value.split(":", 6);
            String name = fields[5].substring(fields[5].lastIndexOf('/') + 1);
            add(found, "arn:" + fields[1] + ":sts::" + fields[4] + ":assumed-role/" + name + "/policyproof-session");
        } else if (value.matches("arn:[^:]+:iam::\\d{12}:root")) {
            add(found, value);
            add(found, value.replace(":root", ":user/policyproof-member"));
        } else {
            add(found, value);
        }
    }

    private static void add(Map<String, PrincipalArn> found, String identifier) {
        try {
            found.putIfAbsent(identifier, PrincipalArn.parse(identifier));
        } catch (IllegalArgumentException e) {
            // NOTE: principals the evaluator cannot parse (canonical user IDs, for example) are not represented.
        }
    }
}
