package dev.policyproof.cli;

import static dev.policyproof.cli.CliRun.POLICIES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ssm:StartSession} on an instance, authorized against the target and the named or default document. */
class EvaluateSessionTest {

    private static final String INSTANCE = "arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0";
    private static final String NAIVE = POLICIES + "naive-engineer.json";
    private static final String TUNNEL_ONLY = POLICIES + "tunnel-only-engineer.json";
    private static final String REMOTE_HOST = "AWS-StartPortForwardingSessionToRemoteHost";

    private static CliRun session(String policy, String... more) {
        List<String> args = new ArrayList<>(List.of("evaluate", "--policy", policy, "--action", "ssm:StartSession",
                "--resource", INSTANCE, "--context", "ssm:resourceTag/Name=app-bastion"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void session_without_document_gets_default_shell() {
        // WHEN the naive policy's engineer starts a session that names no document
        CliRun run = session(NAIVE);

        // THEN the default shell is granted without any permission on its document
        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines().get(0)).isEqualTo("decision: ALLOW");
        assertThat(run.outLines().get(1)).isEqualTo("target " + INSTANCE + " (tags: Name=app-bastion):");
        assertThat(run.outLines()).last().asString().startsWith("document: none named, and the default shell is granted");
    }

    @Test
    void session_without_document_denied_by_check() {
        // WHEN the tunnel-only policy, which enforces the document check, meets a session without a document
        CliRun run = session(TUNNEL_ONLY, "--format", "json");

        // THEN the default shell document is evaluated and denied
        JsonNode json = readJson(run.out());
        assertThat(json.get("decision").asText()).isEqualTo("EXPLICIT_DENY");
        assertThat(json.get("documentNamed").asBoolean()).isFalse();
        assertThat(json.get("document").asText())
                .isEqualTo("arn:aws:ssm:us-east-1:111122223333:document/SSM-SessionManagerRunShell");
        assertThat(json.get("defaultShellGrantedImplicitly").asBoolean()).isFalse();
    }

    @Test
    void session_with_document_name_resolves_arn() {
        CliRun run = session(TUNNEL_ONLY, "--document", REMOTE_HOST);

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines().get(0)).isEqualTo("decision: ALLOW");
        assertThat(run.outLines()).contains("document arn:aws:ssm:us-east-1::document/" + REMOTE_HOST + ":");
    }

    @Test
    void session_with_document_arn() {
        CliRun run = session(TUNNEL_ONLY, "--document", "arn:aws:ssm:us-east-1::document/AWS-StartSSHSession",
                "--format", "json");

        JsonNode json = readJson(run.out());
        assertThat(json.get("decision").asText()).isEqualTo("EXPLICIT_DENY");
        assertThat(json.get("documentNamed").asBoolean()).isTrue();
        assertThat(json.get("document").asText()).isEqualTo("arn:aws:ssm:us-east-1::document/AWS-StartSSHSession");
        assertThat(json.get("documentEvaluation").get("decision").asText()).isEqualTo("EXPLICIT_DENY");
    }

    @Test
    void global_resource_tag_key_tags_target() {
        CliRun run = CliRun.of("evaluate", "--policy", NAIVE, "--action", "ssm:StartSession", "--resource", INSTANCE,
                "--context", "aws:ResourceTag/Name=app-bastion");

        assertThat(run.outLines().get(0)).isEqualTo("decision: ALLOW");
        assertThat(run.outLines().get(1)).isEqualTo("target " + INSTANCE + " (tags: Name=app-bastion):");
    }

    @Test
    void untagged_target_is_denied() {
        CliRun run = CliRun.of("evaluate", "--policy", NAIVE, "--action", "ssm:StartSession", "--resource", INSTANCE);

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines().get(0)).isEqualTo("decision: IMPLICIT_DENY");
        assertThat(run.outLines().get(1)).isEqualTo("target " + INSTANCE + " (no tags):");
    }

    private static JsonNode readJson(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("output is not JSON: " + text, e);
        }
    }
}
