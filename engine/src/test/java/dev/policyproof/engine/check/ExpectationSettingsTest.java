package dev.policyproof.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectationSettingsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private static final String POLICIES = """
            policies:
              naive: {files: [iam/naive-engineer.json]}
            """;

    private static final String NO_SHELL_CHECK = """
              - name: engineer gets no shell
                policies: [naive]
                expect:
                  - allowsStartSession:
                      onlyWithDocument: [AWS-StartPortForwardingSessionToRemoteHost]
            """;

    @TempDir
    Path baseDirectory;

    private ChecksFixture fixture;

    @BeforeEach
    void createProject() {
        fixture = new ChecksFixture(baseDirectory);
    }

    private ChecksFileReader reader() {
        return ChecksFileReader.relativeTo(baseDirectory).today(TODAY);
    }

    private ChecksFile read(String yaml) {
        return reader().read(fixture.write("checks.yaml", yaml));
    }

    private SuiteResult run(String yaml) {
        return SuiteRunner.run(CheckSuite.load(read(yaml)));
    }

    private List<ChecksFileProblem> problems(String yaml) {
        ChecksFileException thrown = catchThrowableOfType(ChecksFileException.class, () -> read(yaml));
        assertThat(thrown).as("checks file should be rejected").isNotNull();
        return thrown.problems();
    }

    @Test
    void severity_defaults_to_error() {
        SuiteResult result = run(POLICIES + "checks:\n" + NO_SHELL_CHECK);

        assertThat(result.outcomes()).extracting(CheckOutcome::severity).containsOnly(Severity.ERROR);
    }

    @Test
    void check_severity_applies_to_its_items() {
        SuiteResult result = run(POLICIES + """
                checks:
                  - name: engineer gets no shell
                    policies: [naive]
                    severity: warning
                    expect:
                      - allowsStartSession: {}
                      - denies: {action: ssm:SendCommand, resource: "*"}
                        severity: error
                """);

        assertThat(result.outcomes()).extracting(CheckOutcome::severity)
                .containsExactly(Severity.WARNING, Severity.ERROR);
    }

    @Test
    void failure_points_at_deciding_statement() {
        SuiteResult result = run(POLICIES + "checks:\n" + NO_SHELL_CHECK);

        CheckOutcome failure = result.failures().get(0);
        assertThat(failure.result().ruleId()).isEqualTo("PP-SESSION-DOCUMENTS");
        assertThat(failure.location()).hasValueSatisfying(location -> {
            assertThat(location.source()).isEqualTo("iam/naive-engineer.json");
            assertThat(location.line()).isEqualTo(4);
        });
    }

    @Test
    void passed_expectation_points_at_checks_file_item() {
        SuiteResult result = run(POLICIES + "checks:\n" + NO_SHELL_CHECK);

        CheckOutcome passed = result.outcomes().get(0);
        assertThat(passed.passed()).isTrue();
        assertThat(passed.location()).hasValueSatisfying(location -> {
            assertThat(location.source()).isEqualTo(fixture.checksPath("checks.yaml"));
            assertThat(location.line()).isEqualTo(7);
        });
    }

    @Test
    void item_suppression_turns_failure_into_suppressed() {
        SuiteResult result = run(POLICIES + """
                checks:
                  - name: engineer gets no shell
                    policies: [naive]
                    expect:
                      - allowsStartSession:
                          onlyWithDocument: [AWS-StartPortForwardingSessionToRemoteHost]
                        suppress: {reason: the fix ships with the next release, expires: 2026-06-30}
                """);

        assertThat(result.failedCount()).isZero();
        assertThat(result.suppressedCount()).isEqualTo(1);
        assertThat(result.passed()).isTrue();
        assertThat(result.summary()).endsWith(": 1 passed, 0 failed, 1 suppressed");
    }

    @Test
    void top_level_suppression_matches_one_expectation() {
        SuiteResult result = run(POLICIES + "checks:\n" + NO_SHELL_CHECK + """
                suppressions:
                  - check: engineer gets no shell
                    expectation: allows ssm:StartSession only with AWS-StartPortForwardingSessionToRemoteHost
                    reason: accepted until the bastion moves
                    expires: 2026-06-01
                """);

        assertThat(result.outcomes()).extracting(CheckOutcome::suppressed).containsExactly(false, true);
        Suppression suppression = result.outcomes().get(1).suppression().orElseThrow();
        assertThat(suppression.reason()).isEqualTo("accepted until the bastion moves");
        assertThat(suppression.expires()).isEqualTo(TODAY);
        assertThat(suppression.location().line()).isEqualTo(10);
    }

    @Test
    void expired_suppression_is_rejected_with_its_line() {
        List<ChecksFileProblem> problems = problems(POLICIES + "checks:\n" + NO_SHELL_CHECK + """
                suppressions:
                  - check: engineer gets no shell
                    reason: accepted until the bastion moves
                    expires: 2026-05-31
                """);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).code()).isEqualTo("expired-suppression");
        assertThat(problems.get(0).line()).isEqualTo(10);
        assertThat(problems.get(0).message()).isEqualTo("suppression (reason: accepted until the bastion moves) "
                + "expired on 2026-05-31; fix the violation and remove the suppression, or set a later expires date "
                + "after a review");
    }

    @Test
    void suppression_needs_reason() {
        List<ChecksFileProblem> problems = problems(POLICIES + "checks:\n" + NO_SHELL_CHECK + """
                suppressions:
                  - check: engineer gets no shell
                """);

        assertThat(problems).extracting(ChecksFileProblem::code).containsExactly("missing-key");
        assertThat(problems.get(0).path()).isEqualTo("suppressions[0].reason");
    }

    @Test
    void suppression_of_unknown_expectation_lists_the_checks_expectations() {
        List<ChecksFileProblem> problems = problems(POLICIES + "checks:\n" + NO_SHELL_CHECK + """
                suppressions:
                  - check: engineer gets no shell
                    expectation: denies everything
                    reason: typo
                """);

        assertThat(problems).extracting(ChecksFileProblem::code).containsExactly("unknown-expectation");
        assertThat(problems.get(0).message()).startsWith("check \"engineer gets no shell\" has no expectation "
                + "\"denies everything\"; its expectations are: allows ssm:StartSession on some target; ");
    }

    @Test
    void invalid_severity_is_rejected() {
        List<ChecksFileProblem> problems = problems(POLICIES + """
                checks:
                  - name: engineer gets no shell
                    policies: [naive]
                    severity: fatal
                    expect:
                      - allowsStartSession: {}
                """);

        assertThat(problems).extracting(ChecksFileProblem::message)
                .containsExactly("unknown severity \"fatal\"; use warning or error");
    }

    @Test
    void suite_checks_run_on_aliased_project_policy() {
        SuiteFile suite = new SuiteFile("bastion", "suite.yaml", """
                requires:
                  engineer: the identity policy of engineers who reach the bastion
                checks:
                  - name: engineer gets no shell
                    policies: [engineer]
                    expect:
                      - doesNotAllowShellOn: arn:aws:ec2:*:*:instance/*
                """);
        ChecksFile checksFile = reader().policyAliases(Map.of("engineer", "naive"))
                .read(fixture.write("checks.yaml", POLICIES + "checks:\n" + NO_SHELL_CHECK), List.of(suite));

        SuiteResult result = SuiteRunner.run(CheckSuite.load(checksFile));
        assertThat(result.outcomes()).extracting(CheckOutcome::check)
                .containsExactly("engineer gets no shell", "engineer gets no shell", "bastion: engineer gets no shell");
        assertThat(result.outcomes().get(2).policySet()).isEqualTo("naive");
        assertThat(result.outcomes().get(2).result().ruleId()).isEqualTo("PP-NO-SHELL");
    }

    @Test
    void suite_needs_its_policies_declared() {
        SuiteFile suite = new SuiteFile("bastion", "suite.yaml", """
                requires:
                  engineer: the engineers' policy
                checks:
                  - name: engineer gets no shell
                    policies: [engineer]
                    expect:
                      - endsOnlyOwnSessions: {}
                """);

        ChecksFileException thrown = catchThrowableOfType(ChecksFileException.class, () -> reader()
                .read(fixture.write("checks.yaml", POLICIES + "checks:\n" + NO_SHELL_CHECK), List.of(suite)));

        assertThat(thrown.problems()).hasSize(1);
        assertThat(thrown.problems().get(0)).hasToString("suite.yaml:2:3 (requires.engineer): suite bastion needs "
                + "policy \"engineer\" (the engineers' policy), but " + fixture.checksPath("checks.yaml")
                + " declares no policy \"engineer\"; declare it under policies, or map the suite's id to a declared "
                + "one with policyAliases (declared: naive) [missing-policy]");
    }
}
