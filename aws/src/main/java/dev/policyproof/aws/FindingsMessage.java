package dev.policyproof.aws;

import dev.policyproof.engine.check.FailureMessage;
import java.util.List;

/**
 * Renders Access Analyzer findings as a failure message, for the assertions and the Maven plugin alike.
 *
 * @since 0.1.0
 */
public final class FindingsMessage {

    private static final int MAX_SHOWN = 5;

    private FindingsMessage() {}

    /** Renders up to five findings, each with its locations, details and link, then how many more there are. */
    public static String render(String title, FindingSeverity threshold, List<ValidationFinding> findings) {
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
        return message.render();
    }
}
