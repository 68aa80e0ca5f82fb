package dev.policyproof.engine.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policyproof.engine.Decision;
import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.StatementResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Session Manager model: one {@code ssm:StartSession} call is authorized against the target and the document, and
 * a session that names no document runs {@code SSM-SessionManagerRunShell}, which needs no permission of its own
 * unless every statement that allows the target carries {@code ssm:SessionDocumentAccessCheck}. Sources: Systems
 * Manager User Guide pages "Enforce a session document permission check for the AWS CLI" and "Start a session with a
 * document by specifying the session documents in IAM policies".
 */
class SessionAuthorizerTest {

    private static final String ACCOUNT = "111122223333";
    private static final SessionTarget BASTION =
            SessionTarget.instance("aws", "us-east-1", ACCOUNT, "i-0123456789abcdef0").withTag("Name", "app-bastion");
    private static final SessionTarget UNTAGGED =
            SessionTarget.instance("aws", "us-east-1", ACCOUNT, "i-0fedcba9876543210");

    private static final String CHECK = "\"BoolIfExists\": {\"ssm:SessionDocumentAccessCheck\": \"true\"}";

    private static SessionAuthorizer authorizer(String statements) {
        String json = "{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}";
        return new SessionAuthorizer(PolicySet.of(PolicyParser.identity().parse("session.json", json)));
    }

    private static String allow(String sid, String resource, String condition) {
        String conditionJson = condition.isEmpty() ? "" : ", \"Condition\": {" + condition + "}";
        return "{\"Sid\": \"" + sid + "\", \"Effect\": \"Allow\", \"Action\": \"ssm:StartSession\", \"Resource\": "
                + resource + conditionJson + "}";
    }

    private static List<String> sids(List<StatementResult> statements) {
        return statements.stream().map(s -> s.statement().sid().orElse("")).toList();
    }

    @Test
    void default_shell_granted_implicitly() {
        // GIVEN a grant on the instance only
        SessionAuthorizer authorizer = authorizer(allow("Instances", "\"arn:aws:ec2:*:*:instance/*\"", ""));

        // WHEN a session names no document
        StartSessionResult result = authorizer.authorize(StartSessionRequest.withoutDocument(BASTION));

        // THEN the default shell runs without any permission on its document
        assertThat(result.decision()).isEqualTo(Decision.ALLOW);
        assertThat(result.defaultShellGrantedImplicitly()).isTrue();
        assertThat(result.document()).isEmpty();
        assertThat(sids(result.decidingStatements())).containsExactly("Instances");
    }

    @Test
    void named_default_shell_needs_grant() {
        SessionAuthorizer authorizer = authorizer(allow("Instances", "\"arn:aws:ec2:*:*:instance/*\"", ""));

        StartSessionResult result = authorizer.authorize(
                StartSessionRequest.withDocument(BASTION, SessionDocument.DEFAULT_SHELL));

        assertThat(result.decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(result.targetResult().decision()).isEqualTo(Decision.ALLOW);
        assertThat(result.document()).get().extracting(r -> r.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void check_on_every_statement_closes_shell() {
        // GIVEN the check on both statements that allow ssm:StartSession
        SessionAuthorizer authorizer = authorizer(
                allow("Instances", "\"arn:aws:ec2:*:*:instance/*\"", CHECK) + ","
                        + allow("Tunnel", "\"arn:aws:ssm:*::document/AWS-StartPortForwardingSessionToRemoteHost\"",
                                CHECK));

        // WHEN a session names no document
        StartSessionResult result = authorizer.authorize(StartSessionRequest.withoutDocument(BASTION));

        // THEN the default shell's ARN is authorized like a named document, and nothing allows it
        assertThat(result.decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(result.defaultShellGrantedImplicitly()).isFalse();
        assertThat(result.document()).isPresent();
        assertThat(result.document().get().request().resource())
                .isEqualTo("arn:aws:ssm:us-east-1:111122223333:document/SSM-SessionManagerRunShell");
    }

    @Test
    void check_still_allows_named_tunnel() {
        SessionAuthorizer authorizer = authorizer(
                allow("Instances", "\"arn:aws:ec2:*:*:instance/*\"", CHECK) + ","
                        + allow("Tunnel", "\"arn:aws:ssm:*::document/AWS-StartPortForwardingSessionToRemoteHost\"",
                                CHECK));

        StartSessionResult result = authorizer.authorize(
                StartSessionRequest.withDocument(BASTION, SessionDocument.PORT_FORWARD_TO_REMOTE_HOST));

        assertThat(result.decision()).isEqualTo(Decision.ALLOW);
        assertThat(sids(result.decidingStatements())).containsExactly("Instances", "Tunnel");
    }

    @Test
    void check_on_one_statement_leaves_shell_open() {
        // GIVEN two statements that allow the target, only one with the check
        SessionAuthorizer authorizer = authorizer(
                allow("Checked", "\"arn:aws:ec2:*:*:instance/*\"", CHECK) + ","
                        + allow("Unchecked", "\"arn:aws:ec2:us-east-1:111122223333:instance/*\"", ""));

        // WHEN a session names no document
        StartSessionResult result = authorizer.authorize(StartSessionRequest.withoutDocument(BASTION));

        // THEN the statement without the check grants the default shell
        assertThat(result.decision()).isEqualTo(Decision.ALLOW);
        assertThat(result.defaultShellGrantedImplicitly()).isTrue();
        assertThat(sids(result.decidingStatements())).containsExactly("Unchecked");
    }

    @Test
    void check_value_false_changes_nothing() {
        SessionAuthorizer authorizer = authorizer(allow("Instances", "\"arn:aws:ec2:*:*:instance/*\"",
                "\"BoolIfExists\": {\"ssm:SessionDocumentAccessCheck\": \"false\"}"));

        StartSessionResult result = authorizer.authorize(StartSessionRequest.withoutDocument(BASTION));

        assertThat(result.decision()).isEqualTo(Decision.ALLOW);
        assertThat(result.defaultShellGrantedImplicitly()).isTrue();
    }

    @Test
    void plain_bool_fails_named_documents() {
        // GIVEN "Bool" instead of "BoolIfExists": reported to fail even allowed documents, not confirmed by AWS
        String bool = "\"Bool\": {\"ssm:SessionDocumentAccessCheck\": \"true\"}";
        SessionAuthorizer authorizer = authorizer(
                allow("Instances", "\"arn:aws:ec2:*:*:instance/*\"", bool) + ","
                        + allow("Tunnel", "\"arn:aws:ssm:*::document/AWS-StartPortForwardingSessionToRemoteHost\"",
                                bool));

        // WHEN a session names the allowed document
        StartSessionResult result = authorizer.authorize(
                StartSessionRequest.withDocument(BASTION, SessionDocument.PORT_FORWARD_TO_REMOTE_HOST));

        // THEN it fails, because the key is absent when the target and the document are authorized
        assertThat(result.decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(result.targetResult().decision()).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void deny_on_shell_misses_implicit_shell() {
        // GIVEN a Deny on the default shell's ARN, while no statement carries the check
        SessionAuthorizer authorizer = authorizer(
                allow("Instances", "\"arn:aws:ec2:*:*:instance/*\"", "") + ","
                        + "{\"Sid\": \"NoShell\", \"Effect\": \"Deny\", \"Action\": \"ssm:StartSession\","
                        + " \"Resource\": \"arn:aws:ssm:*:*:document/SSM-SessionManagerRunShell\"}");

        // WHEN sessions name no document, or name the shell
        StartSessionResult implicit = authorizer.authorize(StartSessionRequest.withoutDocument(BASTION));
        StartSessionResult named = authorizer.authorize(
                StartSessionRequest.withDocument(BASTION, SessionDocument.DEFAULT_SHELL));

        // THEN only the named shell is denied: the implicit grant never authorizes the shell's ARN
        assertThat(implicit.decision()).isEqualTo(Decision.ALLOW);
        assertThat(implicit.defaultShellGrantedImplicitly()).isTrue();
        assertThat(named.decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(sids(named.decidingStatements())).containsExactly("NoShell");
    }

    @Test
    void deny_on_shell_catches_implicit_shell_with_check() {
        SessionAuthorizer authorizer = authorizer(
                allow("Instances", "\"arn:aws:ec2:*:*:instance/*\"", CHECK) + ","
                        + "{\"Sid\": \"NoShell\", \"Effect\": \"Deny\", \"Action\": \"ssm:StartSession\","
                        + " \"Resource\": \"arn:aws:ssm:*:*:document/SSM-SessionManagerRunShell\"}");

        StartSessionResult result = authorizer.authorize(StartSessionRequest.withoutDocument(BASTION));

        assertThat(result.decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(sids(result.decidingStatements())).containsExactly("NoShell");
    }

    @Test
    void joint_tag_condition_fails_on_document() {
        // GIVEN one statement for instance and document under one tag condition
        SessionAuthorizer authorizer = authorizer(allow("Joint",
                "[\"arn:aws:ec2:*:*:instance/*\", "
                        + "\"arn:aws:ssm:*::document/AWS-StartPortForwardingSessionToRemoteHost\"]",
                "\"StringEquals\": {\"ssm:resourceTag/Name\": \"app-bastion\"}"));

        // WHEN a tagged instance is reached with that document
        StartSessionResult result = authorizer.authorize(
                StartSessionRequest.withDocument(BASTION, SessionDocument.PORT_FORWARD_TO_REMOTE_HOST));

        // THEN the target passes but the untagged document fails the same condition
        assertThat(result.targetResult().decision()).isEqualTo(Decision.ALLOW);
        assertThat(result.document()).get().extracting(r -> r.decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(result.decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(result.document().get().nearMisses()).hasSize(1);
        assertThat(result.document().get().nearMisses().get(0).firstFailure()).get()
                .extracting(failure -> failure.element())
                .isEqualTo("Condition StringEquals ssm:resourceTag/Name");
    }

    @Test
    void joint_if_exists_fix_admits_untagged() {
        SessionAuthorizer authorizer = authorizer(allow("Joint",
                "[\"arn:aws:ec2:*:*:instance/*\", "
                        + "\"arn:aws:ssm:*::document/AWS-StartPortForwardingSessionToRemoteHost\"]",
                "\"StringEqualsIfExists\": {\"ssm:resourceTag/Name\": \"app-bastion\"}"));

        StartSessionResult result = authorizer.authorize(
                StartSessionRequest.withDocument(UNTAGGED, SessionDocument.PORT_FORWARD_TO_REMOTE_HOST));

        assertThat(result.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void account_in_pattern_misses_aws_document() {
        SessionAuthorizer authorizer = authorizer(
                allow("Instances", "\"arn:aws:ec2:*:*:instance/*\"", "") + ","
                        + allow("Docs", "\"arn:aws:ssm:*:111122223333:document/AWS-StartPortForwardingSession\"", ""));

        StartSessionResult result = authorizer.authorize(
                StartSessionRequest.withDocument(BASTION, SessionDocument.PORT_FORWARD));

        assertThat(result.request().documentArn())
                .isEqualTo("arn:aws:ssm:us-east-1::document/AWS-StartPortForwardingSession");
        assertThat(result.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void star_account_matches_aws_document() {
        SessionAuthorizer authorizer = authorizer(
                allow("Instances", "\"arn:aws:ec2:*:*:instance/*\"", "") + ","
                        + allow("Docs", "\"arn:aws:ssm:*:*:document/AWS-StartPortForwardingSession\"", ""));

        StartSessionResult result = authorizer.authorize(
                StartSessionRequest.withDocument(BASTION, SessionDocument.PORT_FORWARD));

        assertThat(result.decision()).isEqualTo(Decision.ALLOW);
        assertThat(sids(result.decidingStatements())).containsExactly("Instances", "Docs");
    }

    @Test
    void deny_on_target_wins_over_document() {
        SessionAuthorizer authorizer = authorizer(
                allow("Everything", "\"*\"", "") + ","
                        + "{\"Sid\": \"NoUntagged\", \"Effect\": \"Deny\", \"Action\": \"ssm:StartSession\","
                        + " \"Resource\": \"arn:aws:ec2:*:*:instance/*\","
                        + " \"Condition\": {\"StringNotEquals\": {\"ssm:resourceTag/Name\": \"app-bastion\"}}}");

        StartSessionResult result = authorizer.authorize(
                StartSessionRequest.withDocument(UNTAGGED, SessionDocument.PORT_FORWARD));

        assertThat(result.decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(result.document()).get().extracting(r -> r.decision()).isEqualTo(Decision.ALLOW);
        assertThat(sids(result.decidingStatements())).containsExactly("NoUntagged");
    }

    @Test
    void document_arns_follow_owner() {
        assertThat(SessionDocument.PORT_FORWARD.arn("aws", "us-east-1", ACCOUNT))
                .isEqualTo("arn:aws:ssm:us-east-1::document/AWS-StartPortForwardingSession");
        assertThat(SessionDocument.DEFAULT_SHELL.arn("aws", "us-east-1", ACCOUNT))
                .isEqualTo("arn:aws:ssm:us-east-1:111122223333:document/SSM-SessionManagerRunShell");
        assertThat(SessionDocument.named("AWS-StartSSHSession")).isSameAs(SessionDocument.SSH);
        assertThat(SessionDocument.named("AWS-RunPatchBaseline").owner()).isEqualTo(SessionDocument.Owner.AWS);
        assertThat(SessionDocument.named("TeamShell").owner()).isEqualTo(SessionDocument.Owner.ACCOUNT);
    }

    @Test
    void document_named_by_arn_checks_account() {
        assertThat(SessionDocument.PORT_FORWARD.isNamedBy(
                "arn:aws:ssm:eu-west-1::document/AWS-StartPortForwardingSession")).isTrue();
        assertThat(SessionDocument.PORT_FORWARD.isNamedBy(
                "arn:aws:ssm:eu-west-1:111122223333:document/AWS-StartPortForwardingSession")).isFalse();
        assertThat(SessionDocument.DEFAULT_SHELL.isNamedBy(
                "arn:aws:ssm:eu-west-1::document/SSM-SessionManagerRunShell")).isFalse();
        assertThat(SessionDocument.DEFAULT_SHELL.isNamedBy(
                "arn:aws:ssm:eu-west-1:111122223333:document/SSM-SessionManagerRunShell")).isTrue();
    }
}
