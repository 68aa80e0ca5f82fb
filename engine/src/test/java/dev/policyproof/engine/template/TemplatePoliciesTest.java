package dev.policyproof.engine.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policyproof.engine.Decision;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.Request;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatePoliciesTest {

    private static final String TEMPLATE = """
            Resources:
              Bucket: {Type: AWS::S3::Bucket}
              ReadPolicy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Version: 2012-10-17
                    Statement:
                      - Effect: Allow
                        Action: s3:GetObject
                        Resource: !Sub '${Bucket.Arn}/home/${!aws:username}/*'
              AppRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - {Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}
                  Policies:
                    - PolicyName: logs
                      PolicyDocument: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                        "Action": "logs:PutLogEvents", "Resource": "*"}]}'
              BucketPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Ref Bucket
                  PolicyDocument:
                    Statement:
                      - Effect: Deny
                        Principal: '*'
                        Action: s3:*
                        Resource: !Sub '${Bucket.Arn}/*'
                        Condition: {Bool: {aws:SecureTransport: false}}
              Key:
                Type: AWS::KMS::Key
                Properties:
                  KeyPolicy:
                    Statement:
                      - {Effect: Allow, Principal: {AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'},
                         Action: kms:*, Resource: '*'}
            """;

    private static List<TemplatePolicy> extract(String text, boolean allowUnknowns) {
        return TemplatePolicies.extract(Template.parse("infra/app.yaml", text, TemplateSettings.DEFAULT), allowUnknowns);
    }

    @Test
    void every_policy_is_found_with_address_and_kind() {
        List<TemplatePolicy> policies = extract(TEMPLATE, false);

        assertThat(policies).extracting(TemplatePolicy::address).containsExactly(
                "infra/app.yaml#ReadPolicy/Properties/PolicyDocument",
                "infra/app.yaml#AppRole/Properties/AssumeRolePolicyDocument",
                "infra/app.yaml#AppRole/Properties/Policies/0/PolicyDocument",
                "infra/app.yaml#BucketPolicy/Properties/PolicyDocument",
                "infra/app.yaml#Key/Properties/KeyPolicy");
        assertThat(policies).extracting(TemplatePolicy::kind).containsExactly(PolicyKind.IDENTITY, PolicyKind.TRUST,
                PolicyKind.IDENTITY, PolicyKind.RESOURCE, PolicyKind.RESOURCE);
    }

    @Test
    void policy_keeps_template_line() {
        TemplatePolicy policy = extract(TEMPLATE, false).get(0);

        assertThat(policy.policy().location().source()).isEqualTo("infra/app.yaml");
        assertThat(policy.policy().location().line()).isEqualTo(7);
        assertThat(policy.policy().statements().get(0).location().line()).isEqualTo(9);
    }

    @Test
    void sub_keeps_policy_variable_and_resolves_arn() {
        TemplatePolicy policy = extract(TEMPLATE, false).get(0);
        PolicySet set = PolicySet.of(policy.policy());

        Request own = Request.builder()
                .action("s3:GetObject")
                .resource("arn:aws:s3:::app-Bucket/home/alice/notes.txt")
                .contextValue("aws:username", "alice")
                .build();
        Request other = Request.builder()
                .action("s3:GetObject")
                .resource("arn:aws:s3:::app-Bucket/home/bob/notes.txt")
                .contextValue("aws:username", "alice")
                .build();
        assertThat(set.evaluate(own).decision()).isEqualTo(Decision.ALLOW);
        assertThat(set.evaluate(other).decision()).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void unknown_in_policy_is_located_error() {
        String text = TEMPLATE.replace("!Sub '${Bucket.Arn}/home/${!aws:username}/*'", "!ImportValue SharedBucketArn");

        assertThatThrownBy(() -> extract(text, false))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("infra/app.yaml:11:")
                .hasMessageContaining("ReadPolicy (Properties/PolicyDocument)")
                .hasMessageContaining("/Statement/0/Resource")
                .hasMessageContaining("Fn::ImportValue SharedBucketArn")
                .hasMessageContaining("[unknown-value]");
    }

    @Test
    void allowed_unknown_becomes_placeholder_that_matches_nothing() {
        String text = TEMPLATE.replace("!Sub '${Bucket.Arn}/home/${!aws:username}/*'", "!ImportValue SharedBucketArn");

        TemplatePolicy policy = extract(text, true).get(0);

        assertThat(policy.policy().statements().get(0).resource().orElseThrow().values())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("arn:" + TemplatePolicies.UNKNOWN_PLACEHOLDER)
                .doesNotContain("*");
        Request any = Request.builder().action("s3:GetObject").resource("arn:aws:s3:::any/key").build();
        assertThat(PolicySet.of(policy.policy()).evaluate(any).decision()).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void template_without_policy_fails() {
        assertThatThrownBy(() -> extract("Resources:\n  Bucket: {Type: AWS::S3::Bucket}\n", false))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("declares no IAM policy")
                .hasMessageContaining("[no-policy]");
    }

    @Test
    void invalid_policy_reports_template_location() {
        String text = TEMPLATE.replace("Action: s3:GetObject", "Action: s3 GetObject");

        assertThatThrownBy(() -> extract(text, false))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("infra/app.yaml:10:");
    }

    @Test
    void json_template_is_read() {
        String json = """
                {"Resources": {"P": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyName": "p",
                  "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                    "Action": "sqs:SendMessage", "Resource": {"Fn::GetAtt": ["Q", "Arn"]}}]}}},
                  "Q": {"Type": "AWS::SQS::Queue"}}}
                """;

        List<TemplatePolicy> policies = TemplatePolicies.extract(
                Template.parse("app.json", json, TemplateSettings.DEFAULT), false);

        assertThat(policies.get(0).policy().statements().get(0).resource().orElseThrow().values())
                .containsExactly("arn:aws:sqs:us-east-1:111122223333:app-Q");
    }

    @Test
    void parameters_file_accepts_cli_list_and_map() {
        assertThat(ParametersFile.parse("p.json", "[{\"ParameterKey\": \"Env\", \"ParameterValue\": \"prod\"}]"))
                .containsExactly(Map.entry("Env", "prod"));
        assertThat(ParametersFile.parse("p.json", "{\"Parameters\": {\"Env\": \"prod\"}}"))
                .containsExactly(Map.entry("Env", "prod"));
        assertThatThrownBy(() -> ParametersFile.parse("p.json", "[1]"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("[invalid-parameters]");
    }
}
