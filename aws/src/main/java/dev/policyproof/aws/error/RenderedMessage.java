package dev.policyproof.aws.error;

import org.assertj.core.description.Description;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.Representation;

/**
 * A failure message already rendered by the engine's {@code FailureMessage}, whose title carries the assertion's
 * description, so AssertJ's description is not added again.
 */
final class RenderedMessage implements ErrorMessageFactory {

    private final String message;

    RenderedMessage(String message) {
        this.message = message;
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
