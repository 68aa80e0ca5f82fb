package dev.policyproof.aws;

import dev.policyproof.aws.RemoteChecks.SimulatorOptions;
import dev.policyproof.aws.internal.ContextTypes;
import dev.policyproof.aws.internal.ErrorTranslator;
import dev.policyproof.aws.internal.Redaction;
import dev.policyproof.aws.internal.SimulatorLimits;
import dev.policyproof.aws.internal.SimulatorPages;
import dev.policyproof.aws.internal.SimulatorPages.Key;
import dev.policyproof.aws.internal.SimulatorPages.Outcome;
import dev.policyproof.aws.internal.SimulatorPages.Page;
import dev.policyproof.aws.internal.SimulatorPages.PageCall;
import dev.policyproof.aws.internal.StatementLocator;
import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.PolicyType;
import dev.policyproof.engine.PrincipalArn;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.StatementRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyResponse;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;
import software.amazon.awssdk.services.iam.model.Statement;

/**
 * Asks the IAM policy simulator for the decisions on requests. {@code SimulateCustomPolicy} receives the local
 * policy texts, and its matched statements map back to local statements; {@code SimulatePrincipalPolicy} evaluates
 * the policies attached to an existing user, group or role. Requests the simulator cannot represent get a result
 * that is not comparable, with the reason, and no call.
 *
 * <p>Requests that share a caller, a resource owner and a context go into one call per chunk of actions and
 * resources, and every page of each call is read.
 *
 * @since 0.1.0
 */
public final class IamPolicySimulator {

    static final String SIMULATE_CUSTOM = "iam:SimulateCustomPolicy";
    static final String SIMULATE_PRINCIPAL = "iam:SimulatePrincipalPolicy";

    private final IamClient iam;
    private final SimulatorOptions options;
    private final Redaction redaction;

    IamPolicySimulator(IamClient iam, SimulatorOptions options, Redaction redaction) {
        this.iam = iam;
        this.options = options;
        this.redaction = redaction;
    }

    /**
     * Simulates one request against the policies of {@code sources}.
     *
     * @throws RemoteCheckException if the call fails after retries or returns a response that cannot be read
     */
    public SimulatorDecision simulate(PolicySources sources, Request request) {
        return simulateAll(sources, List.of(request)).get(0);
    }

    /**
     * Simulates requests against the policies of {@code sources}, in as few calls as their shapes allow.
     *
     * @return one decision per request, in the order given
     * @throws RemoteCheckException if a call fails after retries or returns a response that cannot be read
     */
    public List<SimulatorDecision> simulateAll(PolicySources sources, List<Request> requests) {
        PolicySet policies = sources.policies();
        Map<String, String> texts = sentTexts(sources);
        List<Policy> sent = sentPolicies(policies);
        SimulatorDecision[] decisions = new SimulatorDecision[requests.size()];
        Map<CallShape, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            Optional<String> reason = SimulatorLimits.whyNotComparable(policies, texts, request);
            ContextTypes.Entries entries = ContextTypes.entries(request, sent);
            reason = reason.or(entries::notComparableReason);
            if (reason.isPresent()) {
                decisions[i] = SimulatorDecision.notComparable(request, reason.get());
            } else {
                groups.computeIfAbsent(CallShape.of(request, entries.entries()), shape -> new ArrayList<>()).add(i);
            }
        }
        groups.forEach((shape, indexes) -> {
            Map<Key, Outcome> outcomes = collect(SIMULATE_CUSTOM, requests, indexes, page -> customPage(sources, shape,
                    page));
            for (int i : indexes) {
                decisions[i] = decision(SIMULATE_CUSTOM, requests.get(i), outcomes, id -> localPolicy(policies, id));
            }
        });
        return Arrays.asList(decisions);
    }

    /**
     * Simulates requests against the policies attached to {@code policySourceArn}, a user, group or role. Matched
     * statements keep the simulator's policy ids, because those policies have no local text.
     *
     * @throws RemoteCheckException if a call fails after retries, for example {@code NoSuchEntity} for an unknown ARN
     */
    public List<SimulatorDecision> simulatePrincipal(String policySourceArn, List<Request> requests) {
        SimulatorDecision[] decisions = new SimulatorDecision[requests.size()];
        Map<CallShape, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            ContextTypes.Entries entries = ContextTypes.entries(request, List.of());
            Optional<String> reason = wildcardOrSession(request).or(entries::notComparableReason);
            if (reason.isPresent()) {
                decisions[i] = SimulatorDecision.notComparable(request, reason.get());
            } else {
                groups.computeIfAbsent(CallShape.of(request, entries.entries()), shape -> new ArrayList<>()).add(i);
            }
        }
        groups.forEach((shape, indexes) -> {
            Map<Key, Outcome> outcomes =
                    collect(SIMULATE_PRINCIPAL, requests, indexes, page -> principalPage(policySourceArn, shape, page));
            for (int i : indexes) {
                decisions[i] = decision(SIMULATE_PRINCIPAL, requests.get(i), outcomes, id -> null);
            }
        });
        return Arrays.asList(decisions);
    }

    private Map<Key, Outcome> collect(String operation, List<Request> requests, List<Integer> indexes,
            Function<PageRequest, Page> call) {
        LinkedHashSet<String> actions = new LinkedHashSet<>();
        LinkedHashSet<String> resources = new LinkedHashSet<>();
        Map<String, String> actionSpelling = new LinkedHashMap<>();
        for (int i : indexes) {
            Request request = requests.get(i);
            actionSpelling.putIfAbsent(request.action().toLowerCase(Locale.ROOT), request.action());
            resources.add(request.resource());
        }
        actions.addAll(actionSpelling.values());
        PageCall pageCall = (actionChunk, resourceChunk, marker) ->
                call.apply(new PageRequest(actionChunk, resourceChunk, marker));
        try {
            return SimulatorPages.collect(operation, List.copyOf(actions), List.copyOf(resources),
                    options.actionsPerCall(), options.resourcesPerCall(), pageCall);
        } catch (SdkException e) {
            throw ErrorTranslator.translate(operation, e, redaction);
        }
    }

    private Page customPage(PolicySources sources, CallShape shape, PageRequest page) {
        PolicySet policies = sources.policies();
        SimulateCustomPolicyResponse response = iam.simulateCustomPolicy(builder -> {
            builder.policyInputList(policies.identityPolicies().stream().map(sources::textOf).toList())
                    .actionNames(page.actions())
                    .resourceArns(page.resources())
                    .callerArn(shape.callerArn())
                    .resourceOwner(shape.resourceOwner())
                    .contextEntries(shape.entries())
                    .maxItems(options.pageSize())
                    .marker(page.marker());
            policies.resourcePolicy().ifPresent(policy -> builder.resourcePolicy(sources.textOf(policy)));
            policies.permissionsBoundary().ifPresent(
                    policy -> builder.permissionsBoundaryPolicyInputList(sources.textOf(policy)));
        });
        return new Page(response.evaluationResults(), Boolean.TRUE.equals(response.isTruncated()),
                response.marker());
    }

    private Page principalPage(String policySourceArn, CallShape shape, PageRequest page) {
        SimulatePrincipalPolicyResponse response = iam.simulatePrincipalPolicy(builder -> builder
                .policySourceArn(policySourceArn)
                .actionNames(page.actions())
                .resourceArns(page.resources())
                .callerArn(shape.callerArn())
                .resourceOwner(shape.resourceOwner())
                .contextEntries(shape.entries())
                .maxItems(options.pageSize())
                .marker(page.marker()));
        return new Page(response.evaluationResults(), Boolean.TRUE.equals(response.isTruncated()),
                response.marker());
    }

    private static SimulatorDecision decision(String operation, Request request, Map<Key, Outcome> outcomes,
            Function<String, @Nullable LocalPolicy> policyById) {
        Outcome outcome = outcomes.get(new Key(request.action(), request.resource()));
        if (outcome == null) {
            throw ErrorTranslator.malformed(operation, "no result for " + request.action() + " on "
                    + request.resource());
        }
        List<MatchedStatement> matched = outcome.matchedStatements().stream()
                .map(statement -> matched(statement, policyById))
                .toList();
        return SimulatorDecision.decided(request, outcome.decision(), matched, outcome.missingContextValues());
    }

    private static MatchedStatement matched(Statement statement, Function<String, @Nullable LocalPolicy> policyById) {
        String id = statement.sourcePolicyId() == null ? "" : statement.sourcePolicyId();
        String type = statement.sourcePolicyTypeAsString() == null ? "" : statement.sourcePolicyTypeAsString();
        int line = statement.startPosition() == null || statement.startPosition().line() == null
                ? 0 : statement.startPosition().line();
        int column = statement.startPosition() == null || statement.startPosition().column() == null
                ? 0 : statement.startPosition().column();
        LocalPolicy local = policyById.apply(id);
        StatementRef ref = local == null || line <= 0 ? null : StatementLocator.at(local.policy(), local.type(),
                line, column);
        return new MatchedStatement(id, type, line, column, ref);
    }

    /**
     * Maps the simulator's ids for policies sent in a custom call: {@code PolicyInputList.N} is the N-th identity
     * policy, {@code ResourcePolicy} the resource policy and {@code PermissionsBoundaryPolicyInputList.1} the boundary.
     */
    private static @Nullable LocalPolicy localPolicy(PolicySet policies, String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        if (lower.startsWith("policyinputlist.")) {
            int index = parseIndex(id.substring("PolicyInputList.".length()));
            List<Policy> identity = policies.identityPolicies();
            return index >= 1 && index <= identity.size()
                    ? new LocalPolicy(identity.get(index - 1), PolicyType.IDENTITY) : null;
        }
        if (lower.startsWith("resourcepolicy")) {
            return policies.resourcePolicy().map(policy -> new LocalPolicy(policy, PolicyType.RESOURCE)).orElse(null);
        }
        if (lower.startsWith("permissionsboundarypolicyinputlist")) {
            return policies.permissionsBoundary()
                    .map(policy -> new LocalPolicy(policy, PolicyType.PERMISSIONS_BOUNDARY))
                    .orElse(null);
        }
        return null;
    }

    private static int parseIndex(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, String> sentTexts(PolicySources sources) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Policy policy : sentPolicies(sources.policies())) {
            texts.put(policy.name(), sources.textOf(policy));
        }
        return texts;
    }

    private static List<Policy> sentPolicies(PolicySet policies) {
        List<Policy> sent = new ArrayList<>(policies.identityPolicies());
        policies.resourcePolicy().ifPresent(sent::add);
        policies.permissionsBoundary().ifPresent(sent::add);
        return sent;
    }

    private static Optional<String> wildcardOrSession(Request request) {
        String action = request.action();
        if (action.contains("*") || action.contains("?")) {
            return Optional.of("the simulator takes no wildcards in action names, and the request's action is "
                    + action);
        }
        if (action.equalsIgnoreCase("ssm:StartSession")) {
            return Optional.of("ssm:StartSession depends on Session Manager document semantics, which the simulator"
                    + " does not model");
        }
        return Optional.empty();
    }

    private record LocalPolicy(Policy policy, PolicyType type) {}

    private record PageRequest(List<String> actions, List<String> resources, @Nullable String marker) {}

    /** The caller, resource owner and context that one simulator call shares across its actions and resources. */
    private record CallShape(@Nullable String callerArn, @Nullable String resourceOwner, List<ContextEntry> entries) {

        static CallShape of(Request request, List<ContextEntry> entries) {
            return new CallShape(callerArn(request), resourceOwner(request), entries);
        }

        /** Only users and roles can be the simulator's caller; other principals are left out. */
        private static @Nullable String callerArn(Request request) {
            if (request.principal().isEmpty()) {
                return null;
            }
            try {
                PrincipalArn.Kind kind = PrincipalArn.parse(request.principal().get()).kind();
                return kind == PrincipalArn.Kind.USER || kind == PrincipalArn.Kind.ROLE
                        ? request.principal().get() : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        /** The simulator names the owning account by its root ARN, in the resource's partition. */
        private static @Nullable String resourceOwner(Request request) {
            return request.resourceAccount()
                    .map(account -> "arn:" + partition(request.resource()) + ":iam::" + account + ":root")
                    .orElse(null);
        }

        private static String partition(String resourceArn) {
            String[] parts = resourceArn.split(":", 3);
            return parts.length >= 2 && parts[0].equals("arn") && !parts[1].isEmpty() ? parts[1] : "aws";
        }
    }
}
