package dev.policyproof.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.ssm.SessionDocument;
import dev.policyproof.engine.ssm.SessionScope;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The session checks over every {@code StartSession} call in the session space: some call allowed, calls allowed only
 * with given documents, and calls allowed only on targets with a given tag. Each policy here has the document check
 * on every statement unless the GIVEN comment of a test states otherwise, so that only the mistake under test can fail the check.
 */
class SessionExpectationsTest {

    private static final String CHECK = "\"BoolIfExists\": {\"ssm:SessionDocumentAccessCheck\": \"true\"}";
    private static final String TUNNEL_DOCUMENT =
            "\"arn:aws:ssm:*::document/AWS-StartPortForwardingSessionToRemoteHost\"";

    private static PolicySet policies(String... statements) {
        String json = "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(",", statements) + "]}";
        return PolicySet.of(PolicyParser.identity().parse("engineer.json", json));
    }

    private static String allow(String sid, String resource, String conditions) {
        return "{\"Sid\": \"" + sid + "\", \"Effect\": \"Allow\", \"Action\": \"ssm:StartSession\", \"Resource\": "
                + resource + ", \"Condition\": {" + conditions + "}}";
    }

    private static CheckResult onlyTunnel(PolicySet policies) {
        return Expectations.startSessionOnlyWithDocuments(
                        SessionScope.DEFAULT, List.of(SessionDocument.PORT_FORWARD_TO_REMOTE_HOST))
                .check(policies, "engineer.json");
    }

    private static CheckResult onlyBastion(PolicySet policies) {
        return Expectations.startSessionOnlyForTag(SessionScope.DEFAULT, "Name", "app-bastion")
                .check(policies, "engineer.json");
    }

    private static List<String> lines(CheckResult result) {
        return result.failure().orElse("").lines().toList();
    }

    @Test
    void only_for_tag_catches_string_like() {
        // GIVEN the tag compared with StringLike "app-*", which also admits other app instances
        PolicySet policies = policies(
                allow("Instances", "\"arn:aws:ec2:*:*:instance/*\"",
                        "\"StringLike\": {\"ssm:resourceTag/Name\": \"app-*\"}, " + CHECK),
                allow("Tunnel", TUNNEL_DOCUMENT, CHECK));

        // WHEN only app-bastion is expected
        CheckResult result = onlyBastion(policies);

        // THEN a target with another app-* name is the counterexample
        assertThat(result.passed()).isFalse();
        assertThat(lines(result)).anyMatch(line -> line.startsWith("but found:    a session on a target tagged Name=app-"));
        assertThat(lines(result)).contains("decision:     ALLOW");
    }

    @Test
    void only_for_tag_passes_string_equals() {
        PolicySet policies = policies(
                allow("Instances", "\"arn:aws:ec2:*:*:instance/*\"",
                        "\"StringEquals\": {\"ssm:resourceTag/Name\": \"app-bastion\"}, " + CHECK),
                allow("Tunnel", TUNNEL_DOCUMENT, CHECK));

        CheckResult result = onlyBastion(policies);

        assertThat(result.passed()).as(result.failure().orElse("")).isTrue();
        assertThat(result.requestsEvaluated()).isPositive();
    }

    @Test
    void only_for_tag_catches_lower_case_value() {
        // GIVEN StringEqualsIgnoreCase, which also admits "APP-BASTION"
        PolicySet policies = policies(
                allow("Instances", "\"arn:aws:ec2:*:*:instance/*\"",
                        "\"StringEqualsIgnoreCase\": {\"ssm:resourceTag/Name\": \"app-bastion\"}, " + CHECK),
                allow("Tunnel", TUNNEL_DOCUMENT, CHECK));

        CheckResult result = onlyBastion(policies);

        assertThat(result.passed()).isFalse();
        assertThat(lines(result)).contains("but found:    a session on a target tagged Name=APP-BASTION");
    }

    @Test
    void only_with_document_catches_any_document() {
        // GIVEN every document allowed with document/*
        PolicySet policies = policies(
                allow("Instances", "\"arn:aws:ec2:*:*:instance/*\"", CHECK),
                allow("Documents", "\"arn:aws:ssm:*:*:document/*\"", CHECK));

        // WHEN only the remote-host tunnel is expected
        CheckResult result = onlyTunnel(policies);

        // THEN the default shell is the counterexample, granted through its ARN rather than implicitly
        assertThat(result.passed()).isFalse();
        assertThat(lines(result)).anyMatch(line -> line.startsWith("but found:    a session that names no document"));
        assertThat(lines(result)).contains("decision:     ALLOW");
        assertThat(lines(result)).contains(
                "              statement 2 of 2, Sid \"Documents\", line 1 of engineer.json");
    }

    @Test
    void only_with_document_catches_aws_prefix() {
        // GIVEN every AWS document allowed with document/AWS-*
        PolicySet policies = policies(
                allow("Instances", "\"arn:aws:ec2:*:*:instance/*\"", CHECK),
                allow("AwsDocuments", "\"arn:aws:ssm:*::document/AWS-*\"", CHECK));

        CheckResult result = onlyTunnel(policies);

        // THEN the plain port forwarding document, which reaches any port on the target, is the counterexample
        assertThat(result.passed()).isFalse();
        assertThat(lines(result)).contains(
                "but found:    a session with document arn:aws:ssm:us-east-1::document/AWS-StartPortForwardingSession");
    }

    @Test
    void only_with_document_catches_implicit_shell() {
        // GIVEN the check missing from the statement that allows the instance
        PolicySet policies = policies(
                allow("Instances", "\"arn:aws:ec2:*:*:instance/*\"",
                        "\"StringEquals\": {\"ssm:resourceTag/Name\": \"app-bastion\"}"),
                allow("Tunnel", TUNNEL_DOCUMENT, CHECK));

        CheckResult result = onlyTunnel(policies);

        // THEN the session without a document gets the default shell, and the hint names the statement
        assertThat(result.passed()).isFalse();
        assertThat(lines(result)).anyMatch(line -> line.startsWith("but found:    a session that names no document"));
        assertThat(lines(result))
                .contains("decision:     ALLOW (the default shell needs no permission of its own)");
        assertThat(lines(result)).anyMatch(line -> line.startsWith("hint:") && line.endsWith("statement 1 lacks it"));
    }

    @Test
    void only_with_document_passes_tunnel_policy() {
        PolicySet policies = PolicySet.of(
                PolicyParser.identity().parse(Path.of("src/test/resources/policies/tunnel-only-engineer.json")));

        CheckResult result = onlyTunnel(policies);

        assertThat(result.passed()).as(result.failure().orElse("")).isTrue();
        assertThat(result.requestsEvaluated()).isPositive();
    }

    @Test
    void allows_start_session_fails_without_grant() {
        PolicySet policies = policies("{\"Sid\": \"Reports\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
                + " \"Resource\": \"arn:aws:s3:::reports/*\"}");

        CheckResult result = Expectations.allowsStartSession(SessionScope.DEFAULT).check(policies, "engineer.json");

        assertThat(result.passed()).isFalse();
        assertThat(result.requestsEvaluated()).isPositive();
        assertThat(lines(result))
                .contains("but found:    no call is allowed, for any target, document or context; for example:");
        assertThat(lines(result)).contains("closest miss: no Allow statement covers ssm:StartSession");
    }
}
