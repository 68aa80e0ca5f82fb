package dev.policyproof.aws.error;

import dev.policyproof.aws.FindingSeverity;
import dev.policyproof.aws.FindingsMessage;
import dev.policyproof.aws.ValidationFinding;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** The message of Access Analyzer validation findings at or above a severity. */
public final class ShouldHaveNoFindings {

    private ShouldHaveNoFindings() {}

    /** Creates the message listing up to five findings, each with its location, details and link. */
    public static ErrorMessageFactory shouldHaveNoFindings(
            String title, FindingSeverity threshold, List<ValidationFinding> findings) {
        return new RenderedMessage(FindingsMessage.render(title, threshold, findings));
    }
}
