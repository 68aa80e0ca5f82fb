package dev.policyproof.assertions.error;

import dev.policyproof.engine.check.CheckResult;
import org.assertj.core.description.Description;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.Representation;

/**
 * The message of a failed policy check: exactly the engine's {@link CheckResult#failureMessage()}, so that a test and
 * the Maven plugin print the same text. The engine already used the assertion's description as the message title,
 * which is why {@code create} ignores the description AssertJ passes in.
 */
public final class ShouldMeetExpectation implements ErrorMessageFactory {

    private final String message;

    private ShouldMeetExpectation(String message) {
        this.message = message;
    }

    /**
     * Creates the factory for a failed check.
     *
     * @param result the failed check's result
     * @return the factory, whose messages are the result's failure message
     * @throws IllegalArgumentException if {@code result} passed, because a passed check has no failure message
     */
    public static ErrorMessageFactory shouldMeetExpectation(CheckResult result) {
        String message = result.failure()
                .orElseThrow(() -> new IllegalArgumentException("check passed, so it has no failure message: "
                        + result.expectation()));
        return new ShouldMeetExpectation(message);
    }

    @Override
    public String create(Description description, Representation representation) {
        return message;
    }

    @Override
    public String create(Description description) {
        return message;
    }

    @Override
    public String create() {
        return message;
    }
}
