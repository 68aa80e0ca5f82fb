package dev.policyproof.aws.error;

import dev.policyproof.aws.FindingSeverity;
import dev.policyproof.aws.ValidationFinding;
import dev.policyproof.engine.check.FailureMessage;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** The message of Access Analyzer validation findings at or above a severity. */
public final class ShouldHaveNoFindings {

    private static final int MAX_SHOWN = 5;

    private ShouldHaveNoFindings() {}

    /** Creates the message listing up to five findings, each with its location, details and link. */
    public static ErrorMessageFactory shouldHaveNoFindings(
            String title, FindingSeverity threshold, List<ValidationFinding> findings) {
        FailureMessage message = FailureMessage.titled(title)
                .fact("expected", "no Access Analyzer finding at or above " + threshold)
                .fact("but found", findings.size() + (findings.size() == 1 ? " finding" : " findings"));
        for (ValidationFinding finding : findings.stream().limit(MAX_SHOWN).toList()) {
            message.fact("finding", finding.findingType() + " " + finding.issueCode());
            finding.locations().forEach(location -> message.subFact("at", location.toString()));
            message.subFact("details", finding.details());
            if (!finding.learnMoreLink().isEmpty()) {
                message.subFact("learn more", finding.learnMoreLink());
            }
        }
        if (findings.size() > MAX_SHOWN) {
            message.more("and " + (findings.size() - MAX_SHOWN) + " more");
        }
        return new RenderedMessage(message.render());
    }
}
