package dev.policyproof.aws.error;

import dev.policyproof.aws.CustomCheckResult;
import dev.policyproof.engine.check.FailureMessage;
import org.assertj.core.error.ErrorMessageFactory;

/** The message of an Access Analyzer custom policy check that returned {@code FAIL}. */
public final class ShouldPassCustomCheck {

    private ShouldPassCustomCheck() {}

    /**
     * Creates the message with the service's message and each reason, mapped to the local statement when known.
     *
     * @param expectation what the check proves, such as {@code grants none of [iam:PassRole] on any resource}
     */
    public static ErrorMessageFactory shouldPassCustomCheck(String title, String expectation, CustomCheckResult result) {
        FailureMessage message = FailureMessage.titled(title)
                .fact("expected", expectation)
                .fact("but found", result.check() + " returned FAIL: " + result.message())
                .fact("policy", result.policyName());
        result.reasons().forEach(reason -> message.fact("reason", reason.describe()));
        return new RenderedMessage(message.render());
    }
}
