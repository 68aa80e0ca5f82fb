package dev.policyproof.engine.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policyproof.engine.template.TemplateValue.Scalar;
import dev.policyproof.engine.template.TemplateValue.Sequence;
import dev.policyproof.engine.template.TemplateValue.Unknown;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateResolutionTest {

    private static final String HEADER = """
            Parameters:
              Env: {Type: String, Default: dev}
              Zones: {Type: CommaDelimitedList}
            Mappings:
              Sizes: {prod: {Instance: m7g.large}, dev: {Instance: t4g.micro}}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
              IsNotProd: !Not [!Condition IsProd]
            Resources:
              Logs: {Type: AWS::S3::Bucket, Properties: {BucketName: app-logs}}
              Role: {Type: AWS::IAM::Role}
              Group: {Type: AWS::EC2::SecurityGroup}
              Queue: {Type: AWS::SQS::Queue}
              ProdOnly: {Type: AWS::SNS::Topic, Condition: IsProd}
            """;

    private static TemplateValue resolve(String expression, TemplateSettings settings) {
        Template template = Template.parse("stack.yaml", HEADER + "  Probe:\n    Type: Custom::Probe\n"
                + "    Properties:\n      Value: " + expression + "\n", settings);
        return template.resource("Probe").orElseThrow().property("Value").orElseThrow();
    }

    private static String text(String expression) {
        TemplateValue value = resolve(expression, TemplateSettings.DEFAULT.withParameterDefaults(true));
        assertThat(value).isInstanceOf(Scalar.class);
        return ((Scalar) value).text();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "!Ref AWS::AccountId                           | 111122223333",
        "!Ref AWS::Region                              | us-east-1",
        "!Ref AWS::Partition                           | aws",
        "!Ref AWS::URLSuffix                           | amazonaws.com",
        "!Ref AWS::StackName                           | stack",
        "!Ref Env                                      | dev",
        "!Ref Logs                                     | app-logs",
        "!GetAtt Logs.Arn                              | arn:aws:s3:::app-logs",
        "!GetAtt Role.Arn                              | arn:aws:iam::111122223333:role/stack-Role",
        "!GetAtt Queue.Arn                             | arn:aws:sqs:us-east-1:111122223333:stack-Queue",
        "!Sub 'arn:${AWS::Partition}:s3:::${Logs}/*'   | arn:aws:s3:::app-logs/*",
        "!Sub '${Role.Arn}'                            | arn:aws:iam::111122223333:role/stack-Role",
        "!Sub 'home/${!aws:username}/${Env}'           | home/${aws:username}/dev",
        "!Sub ['${A}-${Env}', {A: x}]                  | x-dev",
        "!Join [':', [a, !Ref Env, c]]                 | a:dev:c",
        "!Select [1, !Split [',', 'a,b,c']]            | b",
        "!FindInMap [Sizes, !Ref Env, Instance]        | t4g.micro",
        "!If [IsProd, big, small]                      | small",
        "!If [IsNotProd, small, big]                   | small",
        "!Base64 hi                                    | aGk=",
        "!Select [0, !GetAZs '']                       | us-east-1a",
    })
    void intrinsic_resolves(String expression, String expected) {
        assertThat(text(expression)).isEqualTo(expected);
    }

    @Test
    void security_group_ref_is_stable_synthetic_id() {
        String first = text("!Ref Group");
        String second = text("!GetAtt Group.GroupId");

        assertThat(first).matches("sg-[0-9a-f]{17}");
        assertThat(second).isEqualTo(first);
        Scalar value = (Scalar) resolve("!Ref Group", TemplateSettings.DEFAULT);
        assertThat(value.resource()).isEqualTo("Group");
    }

    @Test
    void no_value_drops_list_element() {
        TemplateValue value = resolve("[a, !If [IsProd, b, !Ref AWS::NoValue], c]",
                TemplateSettings.DEFAULT.withParameterDefaults(true));

        assertThat(((Sequence) value).elements()).extracting(v -> v.asText().orElseThrow()).containsExactly("a", "c");
    }

    @Test
    void parameter_without_value_is_unknown_unless_defaults_asked() {
        TemplateValue value = resolve("!Ref Env", TemplateSettings.DEFAULT);

        assertThat(value).isInstanceOf(Unknown.class);
        assertThat(((Unknown) value).reason()).contains("parameter Env has no value");
    }

    @Test
    void given_parameter_overrides_default() {
        TemplateValue value = resolve("!FindInMap [Sizes, !Ref Env, Instance]",
                TemplateSettings.DEFAULT.withParameterDefaults(true).withParameters(Map.of("Env", "prod")));

        assertThat(value.asText()).contains("m7g.large");
    }

    @Test
    void list_parameter_splits_on_commas() {
        TemplateValue value = resolve("!Ref Zones", TemplateSettings.DEFAULT.withParameters(Map.of("Zones", "a, b")));

        assertThat(((Sequence) value).elements()).extracting(v -> v.asText().orElseThrow()).containsExactly("a", "b");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "!ImportValue SharedVpc                  | Fn::ImportValue SharedVpc",
        "!Sub 'vpc/${AWS::NotificationARNs}'     | AWS::NotificationARNs",
        "!Cidr ['10.0.0.0/16', 2, 8]             | Fn::Cidr",
        "!If [IsProd, a, b]                      | condition IsProd",
        "!GetAtt Group.VpcId                     | not modelled",
    })
    void unresolvable_value_is_unknown(String expression, String reason) {
        TemplateValue value = resolve(expression, TemplateSettings.DEFAULT);

        assertThat(value).isInstanceOf(Unknown.class);
        assertThat(((Unknown) value).reason()).contains(reason);
    }

    @Test
    void resource_with_false_condition_is_left_out() {
        Template template = Template.parse("stack.yaml", HEADER, TemplateSettings.DEFAULT.withParameterDefaults(true));

        assertThat(template.resources()).containsKey("Logs").doesNotContainKey("ProdOnly");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "!Ref Missing                   | Ref to \"Missing\"",
        "!GetAtt Missing.Arn            | Fn::GetAtt on \"Missing\"",
        "!If [Missing, a, b]            | condition \"Missing\" is not declared",
        "!Select [5, [a]]               | index 5 is out of range",
    })
    void invalid_call_is_problem_with_line(String expression, String message) {
        assertThatThrownBy(() -> resolve(expression, TemplateSettings.DEFAULT.withParameterDefaults(true)))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(message)
                .hasMessageContaining("stack.yaml:18:");
    }
}
