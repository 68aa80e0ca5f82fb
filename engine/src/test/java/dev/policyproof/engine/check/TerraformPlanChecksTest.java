package dev.policyproof.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.check.ChecksFile.PolicyGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformPlanChecksTest {

    private static final String CHECKS = """
            policies:
              engineer: {terraformPlan: infra/plan.json, resource: aws_iam_policy.engineer, allowUnknowns: false}
              all: {terraformPlan: infra/plan.json}
              trust: {terraformPlan: infra/plan.json, resource: aws_iam_role.app/assume_role_policy}
            checks:
              - name: engineer reads reports only
                policies: [engineer]
                expect:
                  - allows: {action: s3:GetObject, resource: "arn:aws:s3:::reports/q3.csv"}
                  - denies: {action: s3:DeleteObject, resource: "arn:aws:s3:::reports/q3.csv"}
            """;

    @TempDir
    Path directory;

    private ChecksFixture fixture;

    @BeforeEach
    void writePlan() {
        fixture = new ChecksFixture(directory);
        fixture.write("infra/plan.json", fixture("all-types.json"));
        fixture.write("infra/unknown.json", fixture("unknown-policy.json"));
    }

    private static String fixture(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/terraform", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void plan_policies_are_selected() {
        ChecksFile file = fixture.read(CHECKS);

        PolicyGroup engineer = file.policies().get("engineer");
        assertThat(engineer.kind()).isEqualTo(PolicyKind.IDENTITY);
        assertThat(engineer.displayNames()).containsExactly("infra/plan.json");
        assertThat(engineer.templatePolicies()).extracting(policy -> policy.name())
                .containsExactly("infra/plan.json#aws_iam_policy.engineer/policy");
        assertThat(file.policies().get("all").policyCount()).isEqualTo(6);
        assertThat(file.policies().get("trust").kind()).isEqualTo(PolicyKind.TRUST);
    }

    @Test
    void checks_run_on_plan_policies() {
        SuiteResult result = SuiteRunner.run(CheckSuite.load(fixture.read(CHECKS)));

        assertThat(result.outcomes()).hasSize(2);
        assertThat(result.outcomes()).allSatisfy(outcome -> assertThat(outcome.passed()).isTrue());
    }

    @Test
    void failing_expectation_fails_check() {
        String checks = CHECKS.replace("denies: {action: s3:DeleteObject", "allows: {action: s3:DeleteObject");

        SuiteResult result = SuiteRunner.run(CheckSuite.load(fixture.read(checks)));

        assertThat(result.outcomes()).extracting(CheckOutcome::passed).containsExactly(true, false);
    }

    @Test
    void unknown_address_points_to_checks_file() {
        String checks = CHECKS.replace("resource: aws_iam_policy.engineer,", "resource: aws_iam_policy.engineers,");

        assertThatThrownBy(() -> fixture.read(checks))
                .asInstanceOf(type(ChecksFileException.class))
                .extracting(e -> e.problems().get(0))
                .satisfies(problem -> {
                    assertThat(problem.code()).isEqualTo("policy-not-found");
                    assertThat(problem.line()).isEqualTo(2);
                    assertThat(problem.path()).isEqualTo("policies.engineer.resource");
                    assertThat(problem.message()).contains("aws_iam_policy.engineer/policy");
                });
    }

    @Test
    void unknown_policy_is_reported_in_plan() {
        String checks = CHECKS.replace("engineer: {terraformPlan: infra/plan.json",
                "engineer: {terraformPlan: infra/unknown.json");

        assertThatThrownBy(() -> fixture.read(checks))
                .asInstanceOf(type(ChecksFileException.class))
                .extracting(e -> e.problems().get(0))
                .satisfies(problem -> {
                    assertThat(problem.code()).isEqualTo("unknown-value");
                    assertThat(problem.file()).isEqualTo("infra/unknown.json");
                    assertThat(problem.line()).isEqualTo(40);
                    assertThat(problem.message()).contains("infra/unknown.json#aws_iam_policy.reader/policy");
                });
    }

    @Test
    void allowed_unknown_policy_cannot_be_selected() {
        String checks = CHECKS.replace(
                "engineer: {terraformPlan: infra/plan.json, resource: aws_iam_policy.engineer, allowUnknowns: false}",
                "engineer: {terraformPlan: infra/unknown.json, resource: aws_iam_policy.reader, allowUnknowns: true}");

        assertThatThrownBy(() -> fixture.read(checks))
                .asInstanceOf(type(ChecksFileException.class))
                .extracting(e -> e.problems().get(0))
                .satisfies(problem -> {
                    assertThat(problem.code()).isEqualTo("policy-not-found");
                    assertThat(problem.message()).contains("known only after apply");
                });
    }

    @Test
    void several_resource_policies_need_address() {
        String checks = CHECKS.replace("resource: aws_iam_role.app/assume_role_policy", "resource: aws_kms_key");

        assertThatThrownBy(() -> fixture.read(checks))
                .asInstanceOf(type(ChecksFileException.class))
                .extracting(e -> e.problems().get(0))
                .satisfies(problem -> assertThat(problem.code()).isEqualTo("policy-not-found"));
    }

    @Test
    void missing_plan_file_is_reported() {
        String checks = CHECKS.replace("all: {terraformPlan: infra/plan.json}", "all: {terraformPlan: infra/none.json}");

        assertThatThrownBy(() -> fixture.read(checks))
                .asInstanceOf(type(ChecksFileException.class))
                .extracting(e -> e.problems().get(0))
                .satisfies(problem -> {
                    assertThat(problem.code()).isEqualTo("file-not-found");
                    assertThat(problem.path()).isEqualTo("policies.all.terraformPlan");
                });
    }

    @Test
    void template_keys_are_rejected_with_plan() {
        String checks = CHECKS.replace("all: {terraformPlan: infra/plan.json}",
                "all: {terraformPlan: infra/plan.json, parameters: infra/params.json}");

        assertThatThrownBy(() -> fixture.read(checks))
                .isInstanceOf(ChecksFileException.class)
                .hasMessageContaining("policies.all.parameters");
    }
}
