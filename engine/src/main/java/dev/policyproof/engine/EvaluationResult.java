package dev.policyproof.engine;

import java.util.List;
import java.util.Objects;

/**
 * The decision for one request, with the result of every statement evaluated. The statements that decided it are
 * the applicable {@code Deny} statements for an explicit deny and the applicable {@code Allow} statements for an
 * allow; an implicit deny has none, and its near misses say why each {@code Allow} statement for the action did not
 * apply.
 */
public record EvaluationResult(Request request, Decision decision, List<StatementResult> statements) {

    public EvaluationResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(decision, "decision");
        statements = List.copyOf(statements);
    }

    /** Computes the decision from statement results: explicit deny, then allow, then implicit deny. */
    public static EvaluationResult decide(Request request, List<StatementResult> statements) {
        boolean denied = statements.stream().anyMatch(s -> s.applies() && s.effect() == Effect.DENY);
        boolean allowed = statements.stream().anyMatch(s -> s.applies() && s.effect() == Effect.ALLOW);
        Decision decision = denied ? Decision.EXPLICIT_DENY : allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
        return new EvaluationResult(request, decision, statements);
    }

    public boolean isAllowed() {
        return decision.isAllowed();
    }

    public List<StatementResult> decidingStatements() {
        Effect deciding = switch (decision) {
            case ALLOW -> Effect.ALLOW;
            case EXPLICIT_DENY -> Effect.DENY;
            case IMPLICIT_DENY -> null;
        };
        return statements.stream()
                .filter(s -> s.applies() && s.effect() == deciding)
                .toList();
    }

    /** Returns the {@code Allow} statements whose action matched but that did not apply, for denied requests. */
    public List<StatementResult> nearMisses() {
        if (decision.isAllowed()) {
            return List.of();
        }
        return statements.stream()
                .filter(s -> s.effect() == Effect.ALLOW && s.nearlyApplies())
                .toList();
    }
}
