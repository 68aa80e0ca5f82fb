package dev.policyproof.engine.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policyproof.engine.Decision;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.proof.Answer.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyAnalyzerTest {

    private static final Map<String, List<String>> FORMATS = Map.of(
            "ssm:StartSession", List.of(
                    "arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}",
                    "arn:${Partition}:ssm:${Region}:${Account}:document/${DocumentName}"),
            "s3:GetObject", List.of("arn:${Partition}:s3:::${BucketName}/${ObjectName}"));

    static final ActionSpace ACTIONS = ActionSpace.of(
            List.of("ssm:StartSession", "ssm:SendCommand", "ssm:TerminateSession", "ssm:ResumeSession",
                    "ssm:DescribeSessions", "s3:GetObject", "s3:GetObjectAcl", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket",
                    "ec2:DescribeInstances", "ec2:CreateTags", "sts:AssumeRole", "kms:Decrypt", "iam:PassRole"),
            action -> FORMATS.getOrDefault(action, List.of()));

    private static PolicySet identity(String file) {
        return PolicySet.of(PolicyParser.identity().parse(Path.of("src/test/resources/policies", file)));
    }

    private static PolicySet identityJson(String json) {
        return PolicySet.of(PolicyParser.identity().parse("policy.json", json));
    }

    @Test
    void finds_allowed_session_in_naive_policy() {
        Answer answer = PolicyAnalyzer.of(identity("naive-engineer.json"), ACTIONS)
                .findAllowed(Scope.actions("ssm:StartSession"));

        assertThat(answer.status()).isEqualTo(Status.FOUND);
        assertThat(answer.evaluation().decision()).isEqualTo(Decision.ALLOW);
        assertThat(answer.counterexample().action()).isEqualTo("ssm:StartSession");
    }

    @Test
    void proves_tunnel_policy_grants_only_instance_and_document() {
        Answer answer = PolicyAnalyzer.of(identity("tunnel-only-engineer.json"), ACTIONS).findAllowedExcept(
                Scope.actions("ssm:StartSession"),
                List.of(Scope.all().withResources(
                        "arn:aws:ec2:*:*:instance/*",
                        "arn:aws:ssm:*::document/AWS-StartPortForwardingSessionToRemoteHost")));

        assertThat(answer.status()).isEqualTo(Status.NONE);
    }

    @Test
    void finds_document_outside_permitted_ones() {
        PolicySet anyDocument = identityJson("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ssm:StartSession",
                 "Resource": "arn:aws:ssm:*:*:document/*"}]}""");

        Answer answer = PolicyAnalyzer.of(anyDocument, ACTIONS).findAllowedExcept(
                Scope.actions("ssm:StartSession"),
                List.of(Scope.all().withResources("arn:aws:ssm:*::document/AWS-StartPortForwardingSession")));

        assertThat(answer.status()).isEqualTo(Status.FOUND);
        assertThat(answer.counterexample().resource()).startsWith("arn:aws:ssm:").contains(":document/");
        assertThat(answer.counterexample().resource()).isNotEqualTo(
                "arn:aws:ssm:us-east-1::document/AWS-StartPortForwardingSession");
    }

    @Test
    void deny_with_not_resource_removes_other_resources() {
        PolicySet guarded = identityJson("""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                 {"Effect": "Deny", "Action": "s3:*", "NotResource": "arn:aws:s3:::reports/*"}]}""");

        Answer outside = PolicyAnalyzer.of(guarded, ACTIONS).findAllowedExcept(
                Scope.actions("s3:*"), List.of(Scope.all().withResources("arn:aws:s3:::reports/*")));
        Answer inside = PolicyAnalyzer.of(guarded, ACTIONS).findAllowed(
                Scope.actions("s3:GetObject").withResources("arn:aws:s3:::reports/*"));

        assertThat(outside.status()).isEqualTo(Status.NONE);
        assertThat(inside.status()).isEqualTo(Status.FOUND);
        assertThat(inside.counterexample().resource()).startsWith("arn:aws:s3:::reports/");
    }

    @Test
    void condition_values_appear_in_counterexample() {
        PolicySet conditional = identityJson("""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                  "Condition": {"StringEquals": {"aws:PrincipalTag/team": "data"},
                                "NumericLessThan": {"s3:max-keys": "10"},
                                "IpAddress": {"aws:SourceIp": "203.0.113.0/24"},
                                "DateGreaterThan": {"aws:CurrentTime": "2026-01-01T00:00:00Z"},
                                "Bool": {"aws:SecureTransport": "true"}}}]}""");

        Answer answer = PolicyAnalyzer.of(conditional, ACTIONS).findAllowed(Scope.actions("s3:GetObject"));

        assertThat(answer.status()).isEqualTo(Status.FOUND);
        assertThat(answer.counterexample().context().singleValue("aws:PrincipalTag/team")).isEqualTo("data");
        assertThat(answer.counterexample().context().singleValue("aws:SourceIp")).startsWith("203.0.113.");
    }

    @Test
    void contradictory_conditions_allow_nothing() {
        PolicySet contradictory = identityJson("""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                  "Condition": {"NumericLessThan": {"s3:max-keys": "10"},
                                "NumericGreaterThan": {"s3:max-keys": "20"}}}]}""");

        Answer answer = PolicyAnalyzer.of(contradictory, ACTIONS).findAllowed(Scope.all());

        assertThat(answer.status()).isEqualTo(Status.NONE);
    }

    @Test
    void variable_in_condition_is_unknown() {
        PolicySet owned = identityJson("""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "ssm:TerminateSession", "Resource": "*",
                  "Condition": {"StringEquals": {"ssm:resourceTag/aws:ssmmessages:session-id": "${aws:userid}"}}}]}""");

        Answer answer = PolicyAnalyzer.of(owned, ACTIONS).findAllowed(Scope.actions("ssm:TerminateSession"));

        assertThat(answer.status()).isEqualTo(Status.UNKNOWN);
        assertThat(answer.unknowns()).hasSize(1);
        assertThat(answer.unknowns().get(0).reason()).contains("${aws:userid}");
        assertThat(answer.unknowns().get(0).location().line()).isEqualTo(3);
    }

    @Test
    void new_policy_grants_more_than_baseline() {
        PolicySet baseline = identityJson("""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}""");
        PolicySet wider = identityJson("""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::reports/*"}]}""");

        Answer answer = PolicyAnalyzer.of(wider, ACTIONS).findNewAccess(baseline, Scope.all());
        Answer reverse = PolicyAnalyzer.of(baseline, ACTIONS).findNewAccess(wider, Scope.all());

        assertThat(answer.status()).isEqualTo(Status.FOUND);
        assertThat(baseline.evaluate(answer.counterexample()).decision()).isNotEqualTo(Decision.ALLOW);
        assertThat(reverse.status()).isEqualTo(Status.NONE);
    }

    @Test
    void bucket_policy_with_star_principal_is_public() {
        PolicySet bucket = PolicySet.builder()
                .resourcePolicy(PolicyParser.forKind(PolicyKind.RESOURCE).parse("bucket.json", """
                        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
                         "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}"""))
                .build();
        PolicySet privateBucket = PolicySet.builder()
                .resourcePolicy(PolicyParser.forKind(PolicyKind.RESOURCE).parse("bucket.json", """
                        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                         "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                         "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}"""))
                .build();

        Answer open = PolicyAnalyzer.of(bucket, ACTIONS).findPublicAccess(Scope.all());
        Answer closed = PolicyAnalyzer.of(privateBucket, ACTIONS).findPublicAccess(Scope.all());

        assertThat(open.status()).isEqualTo(Status.FOUND);
        assertThat(closed.status()).isEqualTo(Status.NONE);
    }

    @Test
    void describes_allowed_requests_as_regions() {
        PolicySet guarded = identityJson("""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*",
                  "Condition": {"NumericLessThan": {"s3:max-keys": "10"}}},
                 {"Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::reports/secret/*"}]}""");

        AllowedRequests allowed = PolicyAnalyzer.of(guarded, ACTIONS).describeAllowed(Scope.all());

        assertThat(allowed.exact()).isTrue();
        assertThat(allowed.regions()).hasSize(1);
        assertThat(allowed.regions().get(0)).containsExactly(
                "actions:    s3:GetObject",
                "resources:  arn:aws:s3:::reports/* and not (arn:aws:s3:::reports/secret/*)",
                "principals: arn:aws:iam::111122223333:user/policyproof-caller",
                "condition:  s3:max-keys < 10");
    }

    @Test
    void description_of_inexact_policy_is_upper_bound() {
        AllowedRequests allowed = PolicyAnalyzer.of(identity("tunnel-only-engineer.json"), ACTIONS)
                .describeAllowed(Scope.actions("ssm:TerminateSession"));

        assertThat(allowed.exact()).isFalse();
        assertThat(allowed.unknowns()).hasSize(1);
        assertThat(allowed.render()).contains("an upper bound").contains("ssm:TerminateSession");
    }
}
