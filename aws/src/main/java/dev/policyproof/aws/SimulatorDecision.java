package dev.policyproof.aws;

import dev.policyproof.engine.Decision;
import dev.policyproof.engine.Request;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The IAM policy simulator's result for one request: the decision and the statements it matched, or the reason the
 * request is one the simulator cannot represent.
 *
 * @param request the request as evaluated locally
 * @param decision the simulator's decision, null when not comparable
 * @param matchedStatements the statements the simulator reports as deciding, in its order
 * @param missingContextValues context keys the policies test that the request did not set, as the simulator lists them
 * @param notComparableReason why the simulator cannot answer this request, null when it answered
 * @since 0.1.0
 */
public record SimulatorDecision(
        Request request,
        @Nullable Decision decision,
        List<MatchedStatement> matchedStatements,
        List<String> missingContextValues,
        @Nullable String notComparableReason) {

    public SimulatorDecision {
        Objects.requireNonNull(request, "request");
        matchedStatements = List.copyOf(matchedStatements);
        missingContextValues = List.copyOf(missingContextValues);
        if ((decision == null) == (notComparableReason == null)) {
            throw new IllegalArgumentException("a simulator decision has either a decision or a reason it has none");
        }
    }

    static SimulatorDecision decided(
            Request request, Decision decision, List<MatchedStatement> matched, List<String> missing) {
        return new SimulatorDecision(request, decision, matched, missing, null);
    }

    static SimulatorDecision notComparable(Request request, String reason) {
        return new SimulatorDecision(request, null, List.of(), List.of(), reason);
    }

    public boolean comparable() {
        return decision != null;
    }

    public Optional<Decision> decisionIfComparable() {
        return Optional.ofNullable(decision);
    }

    public Optional<String> reasonNotComparable() {
        return Optional.ofNullable(notComparableReason);
    }
}
