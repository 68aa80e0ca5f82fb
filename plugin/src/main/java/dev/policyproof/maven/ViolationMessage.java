package dev.policyproof.maven;

import dev.policyproof.engine.check.CheckOutcome;
import dev.policyproof.engine.check.SuiteResult;
import dev.policyproof.engine.report.Reports;
import java.util.List;

/** Builds the message of the build failure: a count, each violation in full, the reports and how to go on. */
final class ViolationMessage {

    private ViolationMessage() {}

    static String of(SuiteResult result, Reports.Written reports) {
        return of(result, result.failures(), reports);
    }

    /** Builds the message for {@code failing}, the violations at or above the severity threshold. */
    static String of(SuiteResult result, List<CheckOutcome> failing, Reports.Written reports) {
        String separator = System.lineSeparator();
        StringBuilder message = new StringBuilder("policyproof: ")
                .append(failing.size())
                .append(" of ")
                .append(result.outcomes().size())
                .append(result.outcomes().size() == 1 ? " expectation" : " expectations")
                .append(" failed in ")
                .append(result.checksFile());
        int number = 0;
        for (CheckOutcome failure : failing) {
            number++;
            message.append(separator).append(separator)
                    .append("failure ").append(number).append(" of ").append(failing.size()).append(':')
                    .append(separator)
                    .append(failure.result().failureMessage());
        }
        return message.append(separator).append(separator)
                .append("Reports: ").append(reports.xml()).append(", ").append(reports.json()).append(" and ")
                .append(reports.sarif())
                .append(separator)
                .append("To report violations without failing the build, set ")
                .append(CheckMojo.FAIL_ON_VIOLATION).append("=false.")
                .toString();
    }
}
