package dev.policyproof.aws.error;

import dev.policyproof.aws.Comparison;
import org.assertj.core.error.ErrorMessageFactory;

/** The message of a local decision that the IAM policy simulator did not confirm. */
public final class ShouldAgreeWithSimulator {

    private ShouldAgreeWithSimulator() {}

    /**
     * Creates the message for a comparison that is not {@code AGREE}: both decisions and their statements, or why
     * nothing could be compared.
     */
    public static ErrorMessageFactory shouldAgreeWithSimulator(Comparison comparison, String title) {
        return new RenderedMessage(comparison.describe(title));
    }
}
