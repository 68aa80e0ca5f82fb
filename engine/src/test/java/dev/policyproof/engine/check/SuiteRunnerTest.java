package dev.policyproof.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policyproof.engine.PolicyParseException;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.check.ChecksFile.Check;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.check.ChecksFile.PolicyGroup;
import dev.policyproof.engine.check.ChecksFile.PolicyRoles;
import dev.policyproof.engine.ssm.SessionScope;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteRunnerTest {

    @TempDir
    Path baseDirectory;

    private ChecksFixture fixture;

    @BeforeEach
    void createProject() {
        fixture = new ChecksFixture(baseDirectory);
    }

    private SuiteResult run(String yaml) {
        return SuiteRunner.run(CheckSuite.load(fixture.read(yaml)));
    }

    @Test
    void counts_passed_and_failed_expectations() {
        SuiteResult result = run("""
                policies:
                  tunnel: {files: [iam/tunnel-only-engineer.json]}
                  naive: {files: [iam/naive-engineer.json]}
                checks:
                  - name: tunnel only
                    policies: [tunnel]
                    expect:
                      - allowsStartSession:
                          onlyWithDocument: AWS-StartPortForwardingSessionToRemoteHost
                          onlyForTag: {key: Name, value: app-bastion}
                  - name: naive
                    policies: [naive]
                    expect:
                      - allowsStartSession: {onlyWithDocument: [AWS-StartPortForwardingSessionToRemoteHost]}
                  - name: naive again
                    policies: naive
                    expect:
                      - denies: {action: ssm:SendCommand, resource: "*"}
                """);

        assertThat(result.outcomes()).hasSize(6);
        assertThat(result.passedCount()).isEqualTo(5);
        assertThat(result.failedCount()).isEqualTo(1);
        assertThat(result.checkCount()).isEqualTo(3);
        assertThat(result.policySetCount()).isEqualTo(2);
        assertThat(result.policyFileCount()).isEqualTo(2);
        assertThat(result.summary())
                .isEqualTo("6 expectations in 3 checks on 2 policy sets (2 policy files): 5 passed, 1 failed");
    }

    @Test
    void titles_failures_with_the_check_name() {
        SuiteResult result = run("""
                policies:
                  naive: {files: [iam/naive-engineer.json]}
                checks:
                  - name: engineer gets no shell
                    policies: [naive]
                    expect:
                      - allowsStartSession: {onlyWithDocument: [AWS-StartPortForwardingSessionToRemoteHost]}
                """);

        CheckOutcome failure = result.failures().get(0);
        assertThat(failure.check()).isEqualTo("engineer gets no shell");
        assertThat(failure.policySet()).isEqualTo("naive");
        assertThat(failure.result().failureMessage())
                .startsWith("[engineer gets no shell]" + System.lineSeparator())
                .contains("SSM-SessionManagerRunShell")
                .contains("Sid \"StartSessionOnBastion\", line 4 of iam/naive-engineer.json")
                .contains("ssm:SessionDocumentAccessCheck");
    }

    @Test
    void fails_an_expectation_that_evaluated_nothing() {
        Expectation evaluatesNothing = new Expectation() {
            @Override
            public String description() {
                return "covers no request";
            }

            @Override
            public CheckResult check(PolicySet policies, String title) {
                return CheckResult.pass(this, 0);
            }
        };
        Path policy = baseDirectory.resolve("iam/naive-engineer.json");
        ChecksFile checks = new ChecksFile("checks.yaml", SessionScope.DEFAULT,
                Map.of("naive", new PolicyGroup(
                        "naive", PolicyKind.IDENTITY, List.of(policy), List.of("iam/naive-engineer.json"))),
                List.of(new Check("empty check", List.of("naive"), PolicyRoles.NONE, List.of(evaluatesNothing))));

        SuiteResult result = SuiteRunner.run(CheckSuite.load(checks));

        assertThat(result.failedCount()).isEqualTo(1);
        CheckOutcome outcome = result.outcomes().get(0);
        assertThat(outcome.result().requestsEvaluated()).isZero();
        assertThat(outcome.result().failureMessage()).contains("no request was evaluated, so the check proves nothing");
        assertThat(result.summary())
                .isEqualTo("1 expectation in 1 check on 1 policy set (1 policy file): 0 passed, 1 failed");
    }

    @Test
    void evaluates_policies_of_a_check_together() {
        SuiteResult result = run("""
                policies:
                  tunnel: {files: [iam/tunnel-only-engineer.json]}
                  naive: {files: [iam/naive-engineer.json]}
                checks:
                  - name: the tunnel policy's deny covers the naive grant
                    policies: [naive, tunnel]
                    expect:
                      - allowsStartSession: {onlyWithDocument: [AWS-StartPortForwardingSessionToRemoteHost]}
                """);

        assertThat(result.outcomes()).extracting(CheckOutcome::policySet).containsOnly("naive + tunnel");
        assertThat(result.policyFileCount()).isEqualTo(2);
    }

    @Test
    void reports_every_broken_policy_file() {
        fixture.write("iam/broken-a.json", "{\"Version\": \"2012-10-17\",\n \"Statement\": [}");
        fixture.write("iam/broken-b.json", "{\"Version\": \"2012-10-17\", \"Statement\": []}");
        ChecksFile checks = fixture.read("""
                policies:
                  broken: {files: ["iam/broken-*.json"]}
                checks:
                  - name: x
                    policies: [broken]
                    expect: [{denies: {action: ssm:SendCommand, resource: "*"}}]
                """);

        assertThatThrownBy(() -> CheckSuite.load(checks))
                .isInstanceOf(PolicyParseException.class)
                .hasMessageContaining("iam/broken-a.json:2:")
                .hasMessageContaining("iam/broken-b.json:1:");
    }
}
