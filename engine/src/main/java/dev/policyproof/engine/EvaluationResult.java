package dev.policyproof.engine;

import java.util.List;
import java.util.Objects;

/**
 * The decision for one request, with the result of every policy and statement evaluated and the reasons for the
 * decision in the order the evaluation logic applied them. The statements that decided it are the applicable
 * {@code Deny} statements for an explicit deny and the applicable granting {@code Allow} statements (identity and
 * resource policies) for an allow; an implicit deny has none, and its near misses say why each granting
 * {@code Allow} statement for the action did not apply.
 */
public record EvaluationResult(Request request, Decision decision, List<PolicyResult> policies, List<String> reasons) {

    public EvaluationResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(decision, "decision");
        policies = List.copyOf(policies);
        reasons = List.copyOf(reasons);
    }

    public boolean isAllowed() {
        return decision.isAllowed();
    }

    /** Returns every statement result, policy by policy in evaluation order. */
    public List<StatementResult> statements() {
        return policies.stream().flatMap(policy -> policy.statements().stream()).toList();
    }

    public List<StatementResult> decidingStatements() {
        return switch (decision) {
            case ALLOW -> statements().stream()
                    .filter(s -> s.applies() && s.effect() == Effect.ALLOW && grants(s.ref().type()))
                    .toList();
            case EXPLICIT_DENY -> statements().stream()
                    .filter(s -> s.applies() && s.effect() == Effect.DENY)
                    .toList();
            case IMPLICIT_DENY -> List.of();
        };
    }

    /** Returns the granting {@code Allow} statements whose action matched but that did not apply. */
    public List<StatementResult> nearMisses() {
        if (decision.isAllowed()) {
            return List.of();
        }
        return statements().stream()
                .filter(s -> s.effect() == Effect.ALLOW && grants(s.ref().type()) && s.nearlyApplies())
                .toList();
    }

    private static boolean grants(PolicyType type) {
        return type == PolicyType.IDENTITY || type == PolicyType.RESOURCE;
    }
}
