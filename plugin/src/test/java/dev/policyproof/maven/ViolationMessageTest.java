package dev.policyproof.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policyproof.engine.check.CheckOutcome;
import dev.policyproof.engine.check.CheckResult;
import dev.policyproof.engine.check.SuiteResult;
import dev.policyproof.engine.report.Reports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViolationMessageTest {

    private static final String N = System.lineSeparator();

    private static CheckOutcome outcome(String check, boolean passed, String message) {
        CheckResult result = new CheckResult("expectation of " + check, passed, 1, message);
        return new CheckOutcome(check, "engineer", result, Duration.ZERO);
    }

    @Test
    void message_lists_each_violation_in_full() {
        SuiteResult result = new SuiteResult("checks.yaml", "checks", 3, 1, 1, List.of(
                outcome("first", false, "[first]" + N + "expected:     a"),
                outcome("second", true, null),
                outcome("third", false, "[third]" + N + "expected:     b")));
        Reports.Written reports = Reports.Written.in(Path.of("target/policyproof"));

        String message = ViolationMessage.of(result, reports);

        assertThat(message).isEqualTo("policyproof: 2 of 3 expectations failed in checks.yaml" + N
                + N
                + "failure 1 of 2:" + N
                + "[first]" + N
                + "expected:     a" + N
                + N
                + "failure 2 of 2:" + N
                + "[third]" + N
                + "expected:     b" + N
                + N
                + "Reports: " + reports.xml() + ", " + reports.json() + " and " + reports.sarif() + N
                + "To report violations without failing the build, set policyproof.failOnViolation=false.");
    }
}
