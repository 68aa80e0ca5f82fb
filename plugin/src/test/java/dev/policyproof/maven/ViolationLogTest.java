package dev.policyproof.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.check.CheckOutcome;
import dev.policyproof.engine.check.CheckResult;
import dev.policyproof.engine.check.ExpectationSettings;
import dev.policyproof.engine.check.Severity;
import dev.policyproof.engine.check.SuiteResult;
import dev.policyproof.engine.report.Reports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViolationLogTest {

    private static final Reports.Written REPORTS = Reports.Written.in(Path.of("target/policyproof"));

    private static CheckOutcome failure(int number, Severity severity) {
        SourceLocation statement = new SourceLocation("iam/engineer.json", 4, 5, "/Statement/0");
        CheckResult result = new CheckResult("denies ssm:SendCommand on i-" + number, false, 1, "[check]",
                "PP-DENIES", statement);
        return new CheckOutcome("check " + number, "engineer", result, Duration.ZERO,
                new ExpectationSettings(severity, null, null));
    }

    private static SuiteResult result(int failures) {
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (int i = 1; i <= failures; i++) {
            outcomes.add(failure(i, i == 1 ? Severity.WARNING : Severity.ERROR));
        }
        return new SuiteResult("checks.yaml", "checks", failures, 1, 1, outcomes);
    }

    @Test
    void logs_one_line_per_violation() {
        List<String> lines = ViolationLog.lines(result(2), 20);

        assertThat(lines).containsExactly(
                "policyproof: warning: check 1: denies ssm:SendCommand on i-1 at iam/engineer.json:4",
                "policyproof: error: check 2: denies ssm:SendCommand on i-2 at iam/engineer.json:4");
    }

    @Test
    void caps_lines_and_counts_the_rest() {
        List<String> lines = ViolationLog.lines(result(5), 3);

        assertThat(lines).hasSize(4);
        assertThat(lines.get(3)).isEqualTo("policyproof: and 2 more");
    }

    @Test
    void closing_line_names_reports_and_property() {
        String closing = ViolationLog.closing(REPORTS, "warning");

        assertThat(closing).isEqualTo("policyproof: full messages in " + REPORTS.xml() + ", " + REPORTS.json()
                + " and " + REPORTS.sarif() + "; violations at policyproof.failOnSeverity=warning or above fail the "
                + "build");
    }

    @Test
    void threshold_leaves_out_warnings() {
        assertThat(result(3).failuresAtLeast(Severity.ERROR)).extracting(CheckOutcome::check)
                .containsExactly("check 2", "check 3");
        assertThat(result(3).failuresAtLeast(Severity.WARNING)).hasSize(3);
    }
}
