package dev.policyproof.engine;

import java.util.List;
import java.util.Optional;

/**
 * How one statement fared against one request: each element's result, and whether the statement applies (its
 * principal, action, resource and every condition matched). Statements without a {@code Principal} element, as in
 * identity policies, match every principal.
 */
public record StatementResult(
        StatementRef ref,
        ElementResult principal,
        ElementResult action,
        ElementResult resource,
        List<ElementResult> conditions) {

    public StatementResult {
        conditions = List.copyOf(conditions);
    }

    public Statement statement() {
        return ref.statement();
    }

    public Effect effect() {
        return ref.statement().effect();
    }

    public boolean applies() {
        return principal.matched()
                && action.matched()
                && resource.matched()
                && conditions.stream().allMatch(ElementResult::matched);
    }

    /** Returns true when the action matched, so the statement was in play and failed only on resource or condition. */
    public boolean nearlyApplies() {
        return action.matched() && !applies();
    }

    /** Returns the first element that did not match, in the order action, resource, principal, condition. */
    public Optional<ElementResult> firstFailure() {
        if (!action.matched()) {
            return Optional.of(action);
        }
        if (!resource.matched()) {
            return Optional.of(resource);
        }
        if (!principal.matched()) {
            return Optional.of(principal);
        }
        return conditions.stream().filter(result -> !result.matched()).findFirst();
    }
}
