package dev.policyproof.maven;

import dev.policyproof.engine.check.CheckOutcome;
import dev.policyproof.engine.check.SuiteResult;
import dev.policyproof.engine.report.Reports;
import java.util.ArrayList;
import java.util.List;

/**
 * The console lines of a run after its summary: one warn line per violation, capped with an "and N more" line, then a
 * line that names the reports and the property that sets which violations fail the build.
 */
final class ViolationLog {

    private ViolationLog() {}

    static List<String> lines(SuiteResult result, int maxShown) {
        List<CheckOutcome> failures = result.failures();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < failures.size() && i < maxShown; i++) {
            lines.add("policyproof: " + describe(failures.get(i)));
        }
        if (failures.size() > maxShown) {
            lines.add("policyproof: and " + (failures.size() - maxShown) + " more");
        }
        return lines;
    }

    /** Describes a violation as {@code error: <check>: <expectation> at <file>:<line>}. */
    static String describe(CheckOutcome failure) {
        String where = failure.location()
                .map(location -> location.hasPosition()
                        ? " at " + location.source() + ":" + location.line()
                        : " in " + location.source())
                .orElse("");
        return failure.severity().label() + ": " + failure.check() + ": " + failure.result().expectation() + where;
    }

    /** Names the reports and the threshold property, the line that ends the output of a run with violations. */
    static String closing(Reports.Written reports, String threshold) {
        return "policyproof: full messages in " + reports.xml() + ", " + reports.json() + " and " + reports.sarif()
                + "; violations at " + CheckMojo.FAIL_ON_SEVERITY + "=" + threshold + " or above fail the build";
    }
}
