package dev.policyproof.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Forms that IAM accepts and the strict parser must accept too: a single string or a list wherever IAM allows either,
 * {@code Statement} as one object, and condition values written as JSON numbers or booleans (IAM User Guide, "IAM
 * JSON policy grammar" and "IAM JSON policy elements: Condition operators").
 */
class PolicyParserAcceptedFormsTest {

    private static Policy parse(String json) {
        return PolicyParser.identity().parse("accepted.json", json);
    }

    @Test
    void statement_as_single_object() {
        Policy policy = parse("""
                {"Version": "2012-10-17",
                 "Statement": {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}
                """);

        assertThat(policy.statements()).hasSize(1);
        assertThat(policy.statements().get(0).index()).isEqualTo(1);
        assertThat(policy.statements().get(0).sid()).contains("Read");
    }

    @Test
    void action_and_resource_as_string() {
        Statement statement = parse("""
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}
                """).statements().get(0);

        assertThat(statement.action().values()).containsExactly("s3:GetObject");
        assertThat(statement.action().listForm()).isFalse();
        assertThat(statement.resource()).get().extracting(ElementValues::values)
                .isEqualTo(List.of("arn:aws:s3:::reports/*"));
        assertThat(statement.resource().get().listForm()).isFalse();
    }

    @Test
    void not_action_and_not_resource_as_lists() {
        Statement statement = parse("""
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Deny", "NotAction": ["iam:*", "sts:*"],
                                "NotResource": ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"]}]}
                """).statements().get(0);

        assertThat(statement.action().elementName()).isEqualTo("NotAction");
        assertThat(statement.action().values()).containsExactly("iam:*", "sts:*");
        assertThat(statement.action().listForm()).isTrue();
        assertThat(statement.resource().get().elementName()).isEqualTo("NotResource");
        assertThat(statement.resource().get().values()).containsExactly("arn:aws:s3:::a/*", "arn:aws:s3:::b/*");
    }

    @Test
    void condition_value_string_or_list() {
        Statement statement = parse("""
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                                "Condition": {"StringEquals": {"aws:PrincipalTag/team": "red",
                                                               "aws:RequestedRegion": ["eu-west-1", "eu-north-1"]}}}]}
                """).statements().get(0);

        assertThat(statement.conditions()).hasSize(2);
        assertThat(statement.conditions().get(0).values()).containsExactly("red");
        assertThat(statement.conditions().get(0).listForm()).isFalse();
        assertThat(statement.conditions().get(1).values()).containsExactly("eu-west-1", "eu-north-1");
        assertThat(statement.conditions().get(1).listForm()).isTrue();
    }

    @Test
    void condition_values_as_json_numbers_and_booleans() {
        Statement statement = parse("""
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                                "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": 3600},
                                              "NumericEquals": {"s3:max-keys": [1, 2.50]},
                                              "Bool": {"aws:SecureTransport": true}}}]}
                """).statements().get(0);

        assertThat(statement.conditions().get(0).values()).containsExactly("3600");
        assertThat(statement.conditions().get(1).values()).containsExactly("1", "2.50");
        assertThat(statement.conditions().get(2).values()).containsExactly("true");
    }

    @Test
    void condition_key_with_set_qualifier_and_if_exists() {
        Condition condition = parse("""
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                                "Condition": {"ForAnyValue:StringLikeIfExists": {"aws:TagKeys": "cost-*"}}}]}
                """).statements().get(0).conditions().get(0);

        assertThat(condition.operator().qualifier()).isEqualTo(ConditionOperator.SetQualifier.FOR_ANY_VALUE);
        assertThat(condition.operator().baseName()).isEqualTo("StringLike");
        assertThat(condition.operator().ifExists()).isTrue();
    }

    @Test
    void no_version_keeps_dollar_brace_literal() {
        // GIVEN a policy without Version, where "${" is plain text (IAM JSON policy elements: Version)
        Policy policy = parse("""
                {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                                "Resource": "arn:aws:s3:::home/${aws:username"}]}
                """);

        // THEN the unclosed "${" is no error, and variables stay off
        assertThat(policy.version()).isEmpty();
        assertThat(policy.substitutesVariables()).isFalse();
        assertThat(policy.statements().get(0).resource().get().values())
                .containsExactly("arn:aws:s3:::home/${aws:username");
    }

    @Test
    void principal_in_resource_policy() {
        Policy policy = PolicyParser.forKind(PolicyKind.RESOURCE).parse("bucket.json", """
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root"]},
                                "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}
                """);

        PrincipalElement principal = policy.statements().get(0).principal().orElseThrow();
        assertThat(principal.anyone()).isFalse();
        assertThat(principal.principals()).containsEntry("AWS", List.of("arn:aws:iam::111122223333:root"));
    }

    @Test
    void several_problems_reported_at_once() {
        // GIVEN a document with three independent mistakes
        String json = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"},
                    {"Effect": "Allow", "Action": "s3GetObject", "Resource": "*", "Conditon": {}}
                  ]
                }
                """;

        // WHEN it is parsed
        PolicyParseException error = catchThrowableOfType(
                PolicyParseException.class, () -> PolicyParser.identity().parse("many.json", json));

        // THEN every problem is listed, in document order, with its location
        assertThat(error).isNotNull();
        assertThat(error.problems()).extracting(Problem::code)
                .containsExactly("invalid-effect", "unknown-element", "invalid-action");
        assertThat(error.problems()).extracting(p -> p.location().pointer())
                .containsExactly("/Statement/0/Effect", "/Statement/1/Conditon", "/Statement/1/Action");
        assertThat(error.problems()).extracting(p -> p.location().line()).containsExactly(4, 5, 5);
        assertThat(error.getMessage()).startsWith("Invalid policy, 3 problems:");
    }

    @Test
    void unknown_operator_suggests_correct_case() {
        PolicyParseException error = catchThrowableOfType(PolicyParseException.class, () -> parse("""
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                                "Condition": {"stringequals": {"aws:PrincipalTag/team": "red"},
                                              "ForAnyValue:stringLikeIfExists": {"aws:TagKeys": "x"},
                                              "StringSimilar": {"aws:PrincipalTag/team": "red"}}}]}
                """));

        assertThat(error).isNotNull();
        assertThat(error.problems()).extracting(Problem::code).containsOnly("unknown-operator");
        assertThat(error.problems().get(0).message()).contains("did you mean StringEquals?");
        assertThat(error.problems().get(1).message()).contains("did you mean ForAnyValue:StringLikeIfExists?");
        assertThat(error.problems().get(2).message()).doesNotContain("did you mean");
    }

    @Test
    void lower_case_element_hint_names_element() {
        PolicyParseException error = catchThrowableOfType(PolicyParseException.class, () -> parse("""
                {"Version": "2012-10-17",
                 "Statement": [{"effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
                """));

        assertThat(error).isNotNull();
        assertThat(error.problems().get(0).message()).contains("did you mean \"Effect\"?");
    }

    @Test
    void file_path_names_policy_and_locations() {
        Path file = Path.of("src/test/resources/policies/naive-engineer.json");

        Policy policy = PolicyParser.identity().parse(file);

        assertThat(policy.name()).isEqualTo(file.toString());
        assertThat(policy.statements().get(1).location().source()).isEqualTo(file.toString());
        assertThat(policy.statements().get(1).location().line()).isEqualTo(13);
        assertThat(policy.statements().get(1).location().pointer()).isEqualTo("/Statement/1");
    }
}
