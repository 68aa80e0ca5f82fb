package dev.policyproof.engine.check;

import dev.policyproof.engine.SourceLocation;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking one {@link Expectation}: passed or failed, how many requests it evaluated, and for a
 * failure the message with the request that broke it. A check that evaluated no request fails, because it proved
 * nothing.
 *
 * @param ruleId the expectation's {@link Expectation#ruleId() rule id}
 * @param decidingStatement for a failure, the location of the first statement that decided the offending request,
 *     or null when no statement did, as for a request that nothing allows
 */
public record CheckResult(
        String expectation,
        boolean passed,
        int requestsEvaluated,
        @Nullable String failureMessage,
        String ruleId,
        @Nullable SourceLocation decidingStatement) {

    /** Creates a result with the default rule id and no deciding statement. */
    public CheckResult(String expectation, boolean passed, int requestsEvaluated, @Nullable String failureMessage) {
        this(expectation, passed, requestsEvaluated, failureMessage, Expectation.DEFAULT_RULE_ID, null);
    }

    public CheckResult {
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(ruleId, "ruleId");
        if (passed && requestsEvaluated == 0) {
            throw new IllegalArgumentException("a check that evaluated no request cannot pass: " + expectation);
        }
        if (!passed && failureMessage == null) {
            throw new IllegalArgumentException("a failed check needs a message: " + expectation);
        }
    }

    static CheckResult pass(Expectation expectation, int requestsEvaluated) {
        if (requestsEvaluated == 0) {
            return fail(expectation, 0, FailureMessage.titled(expectation.description())
                    .fact("expected", expectation.description())
                    .fact("but found", "no request was evaluated, so the check proves nothing")
                    .render());
        }
        return new CheckResult(expectation.description(), true, requestsEvaluated, null, expectation.ruleId(), null);
    }

    static CheckResult fail(Expectation expectation, int requestsEvaluated, String message) {
        return fail(expectation, requestsEvaluated, message, null);
    }

    static CheckResult fail(Expectation expectation, int requestsEvaluated, FailureMessage message) {
        return fail(expectation, requestsEvaluated, message.render(), message.decidingStatement().orElse(null));
    }

    static CheckResult fail(Expectation expectation, int requestsEvaluated, String message,
            @Nullable SourceLocation decidingStatement) {
        return new CheckResult(expectation.description(), false, requestsEvaluated, message, expectation.ruleId(),
                decidingStatement);
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failureMessage);
    }

    public Optional<SourceLocation> decidingLocation() {
        return Optional.ofNullable(decidingStatement);
    }
}
