package dev.policyproof.engine.check;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking one {@link Expectation}: passed or failed, how many requests it evaluated, and for a
 * failure the message with the request that broke it. A check that evaluated no request fails, because it proved
 * nothing.
 */
public record CheckResult(
        String expectation, boolean passed, int requestsEvaluated, @Nullable String failureMessage) {

    public CheckResult {
        Objects.requireNonNull(expectation, "expectation");
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
        return new CheckResult(expectation.description(), true, requestsEvaluated, null);
    }

    static CheckResult fail(Expectation expectation, int requestsEvaluated, String message) {
        return new CheckResult(expectation.description(), false, requestsEvaluated, message);
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failureMessage);
    }
}
