package dev.policyproof.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyParser;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each validation check on a statement that trips it and on one that passes it. */
class PolicyValidatorTest {

    private static final PolicyValidator VALIDATOR = PolicyValidator.withBundledCatalog();

    static Stream<Arguments> flagged() {
        return Stream.of(
                Arguments.of("unknown-service", statement("\"ssmm:StartSession\"", "\"*\"", "")),
                Arguments.of("unknown-action", statement("\"ssm:StartSesion\"", "\"*\"", "")),
                Arguments.of("action-pattern-matches-nothing", statement("\"ssm:Launch*\"", "\"*\"", "")),
                Arguments.of("action-pattern-matches-nothing", statement("\"s3:NoSuch*\"", "\"*\"", "")),
                Arguments.of("unknown-global-condition-key", statement("\"s3:GetObject\"", "\"*\"",
                        "{\"StringEquals\": {\"aws:PrincipleArn\": \"x\"}}")),
                Arguments.of("unknown-condition-key", statement("\"s3:GetObject\"", "\"*\"",
                        "{\"StringEquals\": {\"s3:NoSuchKey\": \"x\"}}")),
                Arguments.of("condition-key-not-supported", statement("\"ssm:StartSession\"", "\"*\"",
                        "{\"StringEquals\": {\"ec2:ResourceTag/Name\": \"app-bastion\"}}")),
                Arguments.of("resource-matches-no-resource-type", statement("\"s3:GetObject\"",
                        "\"arn:aws:s3:::reports\"", "")),
                Arguments.of("resource-not-wildcard", statement("\"ssm:DescribeSessions\"",
                        "\"arn:aws:ec2:*:*:instance/*\"", "")),
                Arguments.of("for-all-values-with-single-valued-key", statement("\"s3:GetObject\"", "\"*\"",
                        "{\"ForAllValues:StringEquals\": {\"aws:PrincipalAccount\": \"111122223333\"}}")),
                Arguments.of("for-any-value-with-single-valued-key", statement("\"s3:GetObject\"", "\"*\"",
                        "{\"ForAnyValue:StringEquals\": {\"aws:PrincipalAccount\": \"111122223333\"}}")),
                Arguments.of("for-all-values-without-null-check", statement("\"ec2:CreateTags\"", "\"*\"",
                        "{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"team\"]}}")),
                Arguments.of("allow-with-not-action", "{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", "
                        + "\"Resource\": \"*\"}"),
                Arguments.of("allow-with-not-resource", "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", "
                        + "\"NotResource\": \"arn:aws:s3:::secret/*\"}"),
                Arguments.of("pass-role-with-star-in-resource", statement("\"iam:PassRole\"", "\"*\"", "")),
                Arguments.of("pass-role-with-star-in-resource", statement("\"iam:*\"", "\"*\"", "")),
                Arguments.of("redundant-action", statement("[\"s3:Get*\", \"s3:GetObject\"]", "\"*\"", "")),
                Arguments.of("redundant-action", statement("[\"s3:GetObject\", \"S3:getobject\"]", "\"*\"", "")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("flagged")
    void flags_statement_with_check_code(String code, String statement) {
        List<Finding> findings = validate(statement);

        assertThat(findings).extracting(Finding::code).contains(code);
    }

    static Stream<Arguments> passing() {
        return Stream.of(
                Arguments.of("unknown-service", statement("\"SSM:StartSession\"", "\"*\"", "")),
                Arguments.of("unknown-action", statement("\"ssm:startsession\"", "\"*\"", "")),
                Arguments.of("action-pattern-matches-nothing", statement("\"ssm:Start*\"", "\"*\"", "")),
                Arguments.of("unknown-global-condition-key", statement("\"s3:GetObject\"", "\"*\"",
                        "{\"StringEquals\": {\"aws:principalarn\": \"x\"}}")),
                Arguments.of("unknown-condition-key", statement("\"sts:AssumeRoleWithWebIdentity\"", "\"*\"",
                        "{\"StringLike\": {\"token.actions.githubusercontent.com:sub\": \"repo:o/r:*\"}}")),
                Arguments.of("condition-key-not-supported", statement("\"ssm:StartSession\"", "\"*\"",
                        "{\"StringEquals\": {\"ssm:resourceTag/Name\": \"app-bastion\"}}")),
                Arguments.of("condition-key-not-supported", statement("\"ssm:StartSession\"", "\"*\"",
                        "{\"Bool\": {\"aws:SecureTransport\": \"true\"}}")),
                Arguments.of("resource-matches-no-resource-type", statement("\"s3:GetObject\"",
                        "\"arn:aws:s3:::reports/${aws:username}/*\"", "")),
                Arguments.of("resource-matches-no-resource-type", statement("\"ssm:StartSession\"",
                        "[\"arn:aws:ec2:*:*:instance/*\", \"arn:aws:ssm:*:*:document/AWS-StartSSHSession\"]", "")),
                Arguments.of("resource-not-wildcard", statement("\"ssm:DescribeSessions\"", "\"*\"", "")),
                Arguments.of("for-all-values-with-single-valued-key", statement("\"ec2:CreateTags\"", "\"*\"",
                        "{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"team\"]}, "
                                + "\"Null\": {\"aws:TagKeys\": \"false\"}}")),
                Arguments.of("for-all-values-without-null-check", statement("\"ec2:CreateTags\"", "\"*\"",
                        "{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"team\"]}, "
                                + "\"Null\": {\"aws:TagKeys\": \"false\"}}")),
                Arguments.of("allow-with-not-action", "{\"Effect\": \"Deny\", \"NotAction\": \"iam:*\", "
                        + "\"Resource\": \"*\"}"),
                Arguments.of("pass-role-with-star-in-resource", statement("\"iam:PassRole\"",
                        "\"arn:aws:iam::111122223333:role/app-*\"", "")),
                Arguments.of("redundant-action", statement("[\"s3:GetObject\", \"s3:PutObject\"]", "\"*\"", "")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("passing")
    void passes_statement_without_check_code(String code, String statement) {
        List<Finding> findings = validate(statement);

        assertThat(findings).extracting(Finding::code).doesNotContain(code);
    }

    @Test
    void flags_ec2_tag_key_on_start_session() {
        String json = """
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Sid": "Bastion",
                    "Effect": "Allow",
                    "Action": "ssm:StartSession",
                    "Resource": "arn:aws:ec2:*:*:instance/*",
                    "Condition": {"StringEquals": {"ec2:ResourceTag/Name": "app-bastion"}}
                  }]
                }
                """;

        List<Finding> findings = VALIDATOR.validate(PolicyParser.identity().parse("iam/bastion.json", json));

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.code()).isEqualTo("condition-key-not-supported");
        assertThat(finding.message()).isEqualTo("statement 1 (Sid \"Bastion\"): condition key \"ec2:ResourceTag/Name\""
                + " applies to none of the statement's actions (ssm:StartSession), so the request never has a value"
                + " for it and StringEquals is never true; use \"ssm:resourceTag/Name\" (or \"aws:ResourceTag/Name\")");
        assertThat(finding.location().source()).isEqualTo("iam/bastion.json");
        assertThat(finding.location().line()).isEqualTo(8);
        assertThat(finding.location().column()).isEqualTo(36);
        assertThat(finding.location().pointer()).isEqualTo("/Statement/0/Condition/StringEquals/ec2:ResourceTag~1Name");
    }

    @Test
    void suggests_action_one_character_away() {
        List<Finding> findings = validate(statement("[\"s3:GetObject\", \"ssm:StartSesion\"]", "\"*\"", ""));

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).message()).isEqualTo("statement 1: Action \"ssm:StartSesion\" is not an action of "
                + "ssm; did you mean \"ssm:StartSession\"?");
        assertThat(findings.get(0).location().pointer()).isEqualTo("/Statement/0/Action/1");
        assertThat(findings.get(0).location().line()).isEqualTo(1);
        assertThat(findings.get(0).location().column()).isEqualTo(88);
    }

    @Test
    void suggests_service_one_character_away() {
        List<Finding> findings = validate(statement("\"ssmm:StartSession\"", "\"*\"", ""));

        assertThat(findings).extracting(Finding::message).containsExactly("statement 1: Action \"ssmm:StartSession\" "
                + "names the service prefix \"ssmm\", which no AWS service uses; did you mean \"ssm:StartSession\"?");
    }

    @Test
    void names_formats_for_unmatched_resource() {
        List<Finding> findings = validate(statement("\"s3:GetObject\"", "\"arn:aws:s3:::reports\"", ""));

        assertThat(findings).extracting(Finding::message).containsExactly("statement 1: Resource "
                + "\"arn:aws:s3:::reports\" matches no resource type of the statement's actions (s3:GetObject accepts "
                + "arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}, "
                + "arn:${Partition}:s3:::${BucketName}/${ObjectName}), so the statement grants nothing on it; use an "
                + "ARN of one of these formats");
        assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void clean_tunnel_policy_has_no_findings() {
        String statement = statement("\"ssm:StartSession\"",
                "[\"arn:aws:ec2:*:*:instance/*\", \"arn:aws:ssm:*::document/AWS-StartPortForwardingSession\"]",
                "{\"StringEquals\": {\"ssm:resourceTag/Name\": \"app-bastion\"}, "
                        + "\"BoolIfExists\": {\"ssm:SessionDocumentAccessCheck\": \"true\"}}");

        assertThat(validate(statement)).isEmpty();
    }

    @Test
    void security_warnings_carry_their_severity() {
        List<Finding> findings = validate(statement("\"iam:PassRole\"", "\"*\"", ""));

        assertThat(findings).extracting(Finding::severity).containsExactly(Severity.SECURITY_WARNING);
    }

    private static String statement(String action, String resource, String condition) {
        return "{\"Effect\": \"Allow\", \"Action\": " + action + ", \"Resource\": " + resource
                + (condition.isEmpty() ? "" : ", \"Condition\": " + condition) + "}";
    }

    private static List<Finding> validate(String statement) {
        String json = "{\"Version\": \"2012-10-17\", \"Statement\": [" + statement + "]}";
        Policy policy = PolicyParser.identity().parse("policy.json", json);
        return VALIDATOR.validate(policy);
    }
}
