package dev.policyproof.engine;

import java.util.List;
import java.util.Objects;

/** How one policy of a set fared against a request: the result of each of its statements. */
public record PolicyResult(String policyName, PolicyType type, int level, List<StatementResult> statements) {

    public PolicyResult {
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(type, "type");
        statements = List.copyOf(statements);
    }

    /** Returns true when an applicable {@code Allow} statement in this policy matches the request. */
    public boolean allows() {
        return statements.stream().anyMatch(s -> s.applies() && s.effect() == Effect.ALLOW);
    }

    /** Returns true when an applicable {@code Deny} statement in this policy matches the request. */
    public boolean denies() {
        return statements.stream().anyMatch(s -> s.applies() && s.effect() == Effect.DENY);
    }
}
