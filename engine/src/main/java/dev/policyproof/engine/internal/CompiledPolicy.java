package dev.policyproof.engine.internal;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.StatementRef;
import dev.policyproof.engine.StatementResult;
import java.util.List;

/** A policy compiled for evaluation: patterns, templates and condition values are parsed once. */
public final class CompiledPolicy {

    private final Policy policy;
    private final List<CompiledStatement> statements;

    public CompiledPolicy(Policy policy) {
        this.policy = policy;
        int count = policy.statements().size();
        this.statements = policy.statements().stream()
                .map(statement -> new CompiledStatement(
                        new StatementRef(policy.name(), statement, count), policy.substitutesVariables()))
                .toList();
    }

    public Policy policy() {
        return policy;
    }

    public List<StatementResult> evaluate(Request request) {
        return statements.stream().map(statement -> statement.evaluate(request)).toList();
    }
}
