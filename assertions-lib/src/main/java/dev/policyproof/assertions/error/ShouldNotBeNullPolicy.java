package dev.policyproof.assertions.error;

import dev.policyproof.engine.check.FailureMessage;
import org.assertj.core.description.Description;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.Representation;

/**
 * The message when the policy under test is null, which usually means the test failed to load it:
 *
 * <pre>
 * [engineer policy]
 * expected:     a policy to check
 * but found:    null
 * </pre>
 */
public final class ShouldNotBeNullPolicy implements ErrorMessageFactory {

    private final String message;

    private ShouldNotBeNullPolicy(String title) {
        this.message = FailureMessage.titled(title)
                .fact("expected", "a policy to check")
                .fact("but found", "null")
                .render();
    }

    /**
     * Creates the factory for a null policy.
     *
     * @param title the first line of the message: the assertion's description, or a generic name without one
     * @return the factory
     */
    public static ErrorMessageFactory shouldNotBeNullPolicy(String title) {
        return new ShouldNotBeNullPolicy(title);
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
