package dev.policyproof.engine.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TerraformPlanTest {

    private static final Path FIXTURES = Path.of("src/test/resources/terraform");

    private static TerraformPlan read(String fixture, boolean allowUnknowns) {
        return TerraformPlan.read(FIXTURES.resolve(fixture), "plan.json", allowUnknowns);
    }

    private static Problem onlyProblem(String fixture, boolean allowUnknowns) {
        return onlyProblem(() -> read(fixture, allowUnknowns));
    }

    private static Problem onlyProblem(Runnable step) {
        List<Problem> problems = catchProblems(step);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private static List<Problem> catchProblems(Runnable step) {
        try {
            step.run();
        } catch (TerraformPlanException e) {
            return e.problems();
        }
        throw new AssertionError("expected a TerraformPlanException");
    }

    static Stream<Arguments> policies() {
        return Stream.of(
                Arguments.of("aws_iam_policy.engineer/policy", PolicyKind.IDENTITY, 19),
                Arguments.of("aws_iam_role_policy.deploy/policy", PolicyKind.IDENTITY, 43),
                Arguments.of("aws_iam_user_policy.alice/policy", PolicyKind.IDENTITY, 62),
                Arguments.of("aws_iam_group_policy.engineers/policy", PolicyKind.IDENTITY, 81),
                Arguments.of("aws_iam_role.app/assume_role_policy", PolicyKind.TRUST, 99),
                Arguments.of("aws_iam_role.app/inline_policy/0/policy", PolicyKind.IDENTITY, 103),
                Arguments.of("aws_s3_bucket_policy.reports/policy", PolicyKind.RESOURCE, 130),
                Arguments.of("aws_sqs_queue_policy.orders/policy", PolicyKind.RESOURCE, 148),
                Arguments.of("aws_sns_topic_policy.alerts/policy", PolicyKind.RESOURCE, 166),
                Arguments.of("aws_kms_key.reports/policy", PolicyKind.RESOURCE, 184),
                Arguments.of("aws_iam_policy.rotated/policy", PolicyKind.IDENTITY, 228));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void policy_is_read_with_kind_and_line(String address, PolicyKind kind, int line) {
        TerraformPlan plan = read("all-types.json", false);

        PlanPolicy policy = plan.policies().stream()
                .filter(candidate -> candidate.address().equals("plan.json#" + address))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no policy " + address));
        assertThat(policy.kind()).isEqualTo(kind);
        assertThat(policy.policy().name()).isEqualTo("plan.json#" + address);
        assertThat(policy.policy().location().source()).isEqualTo("plan.json");
        assertThat(policy.policy().location().line()).isEqualTo(line);
        assertThat(policy.policy().statements()).hasSize(1);
    }

    @Test
    void plan_lists_policies_in_order() {
        TerraformPlan plan = read("all-types.json", false);

        assertThat(plan.policies()).extracting(PlanPolicy::address)
                .containsExactlyElementsOf(policies().map(arguments -> "plan.json#" + arguments.get()[0]).toList());
        assertThat(plan.unknownAddresses()).isEmpty();
    }

    @Test
    void deletes_and_data_sources_are_skipped() {
        TerraformPlan plan = read("all-types.json", false);

        assertThat(plan.policies()).extracting(PlanPolicy::resourceAddress)
                .doesNotContain("aws_iam_policy.retired", "data.aws_iam_policy.existing");
    }

    @Test
    void plan_policy_records_resource() {
        PlanPolicy inline = read("all-types.json", false).policies().get(5);

        assertThat(inline.resourceAddress()).isEqualTo("aws_iam_role.app");
        assertThat(inline.resourceType()).isEqualTo("aws_iam_role");
        assertThat(inline.attribute()).isEqualTo("inline_policy/0/policy");
    }

    @Test
    void unknown_policy_is_error() {
        Problem problem = onlyProblem("unknown-policy.json", false);

        assertThat(problem.code()).isEqualTo("unknown-value");
        assertThat(problem.location().source()).isEqualTo("plan.json");
        assertThat(problem.location().line()).isEqualTo(40);
        assertThat(problem.message()).contains("plan.json#aws_iam_policy.reader/policy");
        assertThat(problem.message()).contains(
                "known only after apply; run terraform plan with the values set, or set allowUnknowns");
    }

    @Test
    void allowed_unknown_policy_is_skipped() {
        TerraformPlan plan = read("unknown-policy.json", true);

        assertThat(plan.policies()).extracting(PlanPolicy::address)
                .containsExactly("plan.json#aws_iam_policy.known/policy");
        assertThat(plan.unknownAddresses()).containsExactly("plan.json#aws_iam_policy.reader/policy");
    }

    @Test
    void unknown_inline_policy_is_error() {
        String plan = """
                {"format_version": "1.2", "resource_changes": [{
                  "address": "aws_iam_role.app", "mode": "managed", "type": "aws_iam_role", "name": "app",
                  "change": {"actions": ["create"], "after": {"name": "app", "inline_policy": [{"name": "a"}]},
                    "after_unknown": {"assume_role_policy": true, "inline_policy": [{"policy": true}]}}}]}
                """;

        List<Problem> problems = catchProblems(() -> TerraformPlan.parse("plan.json", plan, false));

        assertThat(problems).extracting(Problem::code).containsOnly("unknown-value");
        assertThat(problems).extracting(Problem::message).anySatisfy(message ->
                assertThat(message).contains("plan.json#aws_iam_role.app/assume_role_policy"));
        assertThat(problems).extracting(Problem::message).anySatisfy(message ->
                assertThat(message).contains("plan.json#aws_iam_role.app/inline_policy/0/policy"));
        assertThat(problems).extracting(problem -> problem.location().line()).containsOnly(4);
    }

    @Test
    void only_unknown_policies_is_error() {
        String plan = """
                {"format_version": "1.2", "resource_changes": [{
                  "address": "aws_iam_policy.reader", "mode": "managed", "type": "aws_iam_policy", "name": "reader",
                  "change": {"actions": ["create"], "after": {}, "after_unknown": {"policy": true}}}]}
                """;

        Problem problem = onlyProblem(() -> TerraformPlan.parse("plan.json", plan, true));

        assertThat(problem.code()).isEqualTo("no-policy");
        assertThat(problem.message()).contains("plan.json#aws_iam_policy.reader/policy");
    }

    @Test
    void plan_without_policy_is_error() {
        Problem problem = onlyProblem("no-policy.json", false);

        assertThat(problem.code()).isEqualTo("no-policy");
        assertThat(problem.location().source()).isEqualTo("plan.json");
        assertThat(problem.message()).contains("creates or updates no IAM policy", "aws_iam_role");
    }

    @Test
    void plan_without_changes_is_error() {
        Problem problem = onlyProblem(() -> TerraformPlan.parse("plan.json", "{\"format_version\": \"1.2\"}", false));

        assertThat(problem.code()).isEqualTo("no-policy");
    }

    @Test
    void invalid_json_in_policy_reports_line() {
        Problem problem = onlyProblem("invalid-policy.json", false);

        assertThat(problem.code()).isEqualTo("invalid-json");
        assertThat(problem.location().source()).isEqualTo("plan.json");
        assertThat(problem.location().line()).isEqualTo(38);
    }

    @Test
    void invalid_policy_reports_file_and_line() {
        String plan = """
                {
                  "format_version": "1.2",
                  "resource_changes": [{
                    "address": "aws_iam_policy.bad", "mode": "managed", "type": "aws_iam_policy", "name": "bad",
                    "change": {
                      "actions": ["create"],
                      "after": {
                        "policy": "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Permit\\",\\"Action\\":\\"s3:*\\",\\"Resource\\":\\"*\\"}]}"
                      }
                    }
                  }]
                }
                """;

        Problem problem = onlyProblem(() -> TerraformPlan.parse("plan.json", plan, false));

        assertThat(problem.location().source()).isEqualTo("plan.json");
        assertThat(problem.location().line()).isEqualTo(8);
        assertThat(problem.message()).contains("Permit");
    }

    @Test
    void invalid_plan_json_reports_line() {
        Problem problem = onlyProblem(() -> TerraformPlan.parse("plan.json", "{\n  \"format_version\": \"1.2\",\n}",
                false));

        assertThat(problem.code()).isEqualTo("invalid-json");
        assertThat(problem.location().line()).isEqualTo(3);
    }

    @Test
    void other_format_versions_are_rejected() {
        assertThat(onlyProblem(() -> TerraformPlan.parse("plan.json", "{\"format_version\": \"2.0\"}", false)).code())
                .isEqualTo("unsupported-format");
        assertThat(onlyProblem(() -> TerraformPlan.parse("plan.json", "{\"values\": {}}", false)).code())
                .isEqualTo("invalid-plan");
        assertThat(onlyProblem(() -> TerraformPlan.parse("plan.json", "[]", false)).code())
                .isEqualTo("invalid-plan");
    }

    @Test
    void policy_that_is_not_string_is_error() {
        String plan = """
                {"format_version": "1.2", "resource_changes": [{
                  "address": "aws_iam_policy.a", "mode": "managed", "type": "aws_iam_policy", "name": "a",
                  "change": {"actions": ["create"], "after": {"policy": {"Statement": []}}}}]}
                """;

        assertThatThrownBy(() -> TerraformPlan.parse("plan.json", plan, false))
                .asInstanceOf(type(TerraformPlanException.class))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::code).containsExactly("invalid-plan"))
                .satisfies(e -> assertThat(e.getMessage()).contains("policy of aws_iam_policy.a must be a JSON string"));
    }
}
