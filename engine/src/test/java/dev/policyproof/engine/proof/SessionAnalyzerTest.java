package dev.policyproof.engine.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.RequestContext;
import dev.policyproof.engine.proof.Answer.Status;
import dev.policyproof.engine.proof.SessionAnalyzer.SessionAnswer;
import dev.policyproof.engine.ssm.SessionDocument;
import dev.policyproof.engine.ssm.SessionScope;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Session questions over every target, document and context, as Session Manager authorizes the call. */
class SessionAnalyzerTest {

    private static final List<SessionDocument> TUNNEL = List.of(SessionDocument.PORT_FORWARD_TO_REMOTE_HOST);

    private static PolicySet identity(String file) {
        return PolicySet.of(PolicyParser.identity().parse(Path.of("src/test/resources/policies", file)));
    }

    private static PolicySet identityJson(String json) {
        return PolicySet.of(PolicyParser.identity().parse("policy.json", json));
    }

    private static SessionAnalyzer analyzer(PolicySet policies) {
        return SessionAnalyzer.of(policies, SessionScope.DEFAULT);
    }

    @Test
    void naive_policy_grants_default_shell_implicitly() {
        SessionAnswer answer = analyzer(identity("naive-engineer.json")).findSessionOutside(TUNNEL);

        assertThat(answer.status()).isEqualTo(Status.FOUND);
        assertThat(answer.counterexample().request().documentArn()).isNull();
        assertThat(answer.counterexample().defaultShellGrantedImplicitly()).isTrue();
        assertThat(answer.counterexample().request().target().tags()).containsEntry("Name", "app-bastion");
    }

    @Test
    void tunnel_policy_allows_only_the_tunnel_on_tagged_targets() {
        SessionAnalyzer tunnel = analyzer(identity("tunnel-only-engineer.json"));

        assertThat(tunnel.findAnySession().status()).isEqualTo(Status.FOUND);
        assertThat(tunnel.findSessionOutside(TUNNEL).status()).isEqualTo(Status.NONE);
        assertThat(tunnel.findSessionWithoutTag("Name", "app-bastion").status()).isEqualTo(Status.NONE);
    }

    @Test
    void any_document_in_the_account_is_found() {
        PolicySet anyDocument = identityJson("""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "ssm:StartSession", "Resource": "arn:aws:ec2:*:*:instance/*",
                  "Condition": {"BoolIfExists": {"ssm:SessionDocumentAccessCheck": "true"}}},
                 {"Effect": "Allow", "Action": "ssm:StartSession", "Resource": "arn:aws:ssm:*:*:document/team-*",
                  "Condition": {"BoolIfExists": {"ssm:SessionDocumentAccessCheck": "true"}}}]}""");

        SessionAnswer answer = analyzer(anyDocument).findSessionOutside(TUNNEL);

        assertThat(answer.status()).isEqualTo(Status.FOUND);
        assertThat(answer.counterexample().request().documentArn()).contains(":document/team-");
    }

    @Test
    void tag_pattern_admits_other_values() {
        PolicySet prefix = identityJson("""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "ssm:StartSession", "Resource": "arn:aws:ec2:*:*:instance/*",
                  "Condition": {"StringLike": {"aws:ResourceTag/Name": "app-*"}}},
                 {"Effect": "Allow", "Action": "ssm:StartSession",
                  "Resource": "arn:aws:ssm:*::document/AWS-StartPortForwardingSessionToRemoteHost"}]}""");

        SessionAnswer answer = analyzer(prefix).findSessionWithoutTag("Name", "app-bastion");

        assertThat(answer.status()).isEqualTo(Status.FOUND);
        assertThat(answer.counterexample().request().target().tags().get("Name"))
                .startsWith("app-")
                .isNotEqualTo("app-bastion");
    }

    @Test
    void one_tag_condition_over_target_and_document_allows_nothing() {
        // GIVEN the usual mistake: instance and document under one tag condition, which fails on the document
        PolicySet joined = identityJson("""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "ssm:StartSession",
                  "Resource": ["arn:aws:ec2:*:*:instance/*",
                               "arn:aws:ssm:*::document/AWS-StartPortForwardingSessionToRemoteHost"],
                  "Condition": {"StringEquals": {"ssm:resourceTag/Name": "app-bastion"},
                                "BoolIfExists": {"ssm:SessionDocumentAccessCheck": "true"}}}]}""");

        assertThat(analyzer(joined).findAnySession().status()).isEqualTo(Status.NONE);
    }

    @Test
    void fixed_caller_context_is_respected() {
        PolicySet officeOnly = identityJson("""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "ssm:StartSession", "Resource": "*",
                  "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}""");
        RequestContext home = RequestContext.builder().put("aws:SourceIp", "198.51.100.7").build();
        RequestContext office = RequestContext.builder().put("aws:SourceIp", "203.0.113.7").build();

        SessionAnswer fromHome = SessionAnalyzer.of(officeOnly, SessionScope.DEFAULT, null, home).findAnySession();
        SessionAnswer fromOffice = SessionAnalyzer.of(officeOnly, SessionScope.DEFAULT, null, office).findAnySession();

        assertThat(fromHome.status()).isEqualTo(Status.NONE);
        assertThat(fromOffice.status()).isEqualTo(Status.FOUND);
        assertThat(fromOffice.counterexample().request().context().singleValue("aws:SourceIp")).isEqualTo("203.0.113.7");
    }
}
