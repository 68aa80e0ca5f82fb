package dev.policyproof.engine.internal;

import dev.policyproof.engine.Effect;
import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyResult;
import dev.policyproof.engine.PolicyType;
import dev.policyproof.engine.PrincipalArn;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.StatementRef;
import dev.policyproof.engine.StatementResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A policy compiled for evaluation in one role: patterns, templates and condition values are parsed once. */
public final class CompiledPolicy {

    private final Policy policy;
    private final PolicyType type;
    private final int level;
    private final List<CompiledStatement> statements;

    public CompiledPolicy(Policy policy, PolicyType type, int level) {
        this.policy = policy;
        this.type = type;
        this.level = level;
        int count = policy.statements().size();
        this.statements = policy.statements().stream()
                .map(statement -> new CompiledStatement(
                        new StatementRef(policy.name(), type, level, statement, count), policy.substitutesVariables()))
                .toList();
    }

    public Policy policy() {
        return policy;
    }

    public PolicyType type() {
        return type;
    }

    /**
     * Evaluates every statement for {@code request}. {@code callerHasBoundary} is true when a permissions boundary is
     * attached to the caller, which makes a {@code Deny} with {@code NotPrincipal} cover it whatever the element lists.
     */
    public PolicyResult evaluate(Request request, @Nullable PrincipalArn caller, boolean callerHasBoundary) {
        List<StatementResult> results = new ArrayList<>(statements.size());
        for (CompiledStatement statement : statements) {
            results.add(statement.evaluate(request, caller, callerHasBoundary));
        }
        return new PolicyResult(policy.name(), type, level, results);
    }

    /**
     * Returns the most direct way an applicable {@code Allow} statement of this resource policy names the caller, or
     * empty when none applies.
     */
    public Optional<PrincipalMatcher.Grant> strongestGrant(PolicyResult result, @Nullable PrincipalArn caller) {
        PrincipalMatcher.Grant best = null;
        for (int i = 0; i < statements.size(); i++) {
            StatementResult statement = result.statements().get(i);
            if (!statement.applies() || statement.effect() != Effect.ALLOW) {
                continue;
            }
            PrincipalMatcher.Grant grant = statements.get(i).grant(caller).orElse(null);
            if (grant != null && (best == null || grant.ordinal() < best.ordinal())) {
                best = grant;
            }
        }
        return Optional.ofNullable(best);
    }
}
