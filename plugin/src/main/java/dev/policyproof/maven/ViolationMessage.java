package dev.policyproof.maven;

import dev.policyproof.engine.check.CheckOutcome;
import dev.policyproof.engine.check.SuiteResult;
import dev.policyproof.engine.report.Reports;

/** Builds the message of the build failure: a count, each violation in full, the reports and how to go on. */
final class ViolationMessage {

    private ViolationMessage() {}

    static String of(SuiteResult result, Reports.Written reports) {
        String separator = System.lineSeparator();
        StringBuilder message = new StringBuilder("policyproof: ")
                .append(result.failedCount())
                .append(" of ")
                .append(result.outcomes().size())
                .append(result.outcomes().size() == 1 ? " expectation" : " expectations")
                .append(" failed in ")
                .append(result.checksFile());
        int number = 0;
        for (CheckOutcome failure : result.failures()) {
            number++;
            message.append(separator).append(separator)
                    .append("failure ").append(number).append(" of ").append(result.failedCount()).append(':')
                    .append(separator)
                    .append(failure.result().failureMessage());
        }
        return message.append(separator).append(separator)
                .append("Reports: ").append(reports.xml()).append(" and ").append(reports.json())
                .append(separator)
                .append("To report violations without failing the build, set ")
                .append(CheckMojo.FAIL_ON_VIOLATION).append("=false.")
                .toString();
    }
}
