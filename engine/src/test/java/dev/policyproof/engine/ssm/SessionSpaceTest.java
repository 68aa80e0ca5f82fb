package dev.policyproof.engine.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The representative {@code StartSession} calls that the session checks try. */
class SessionSpaceTest {

    private static SessionSpace space(String statements) {
        String json = "{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}";
        return SessionSpace.of(PolicySet.of(PolicyParser.identity().parse("space.json", json)), SessionScope.DEFAULT);
    }

    private static String allow(String resource, String condition) {
        return "{\"Effect\": \"Allow\", \"Action\": \"ssm:StartSession\", \"Resource\": " + resource
                + (condition.isEmpty() ? "" : ", \"Condition\": {" + condition + "}") + "}";
    }

    @Test
    void documents_start_with_none_named() {
        SessionSpace space = space(allow("\"arn:aws:ec2:*:*:instance/*\"", ""));
        SessionTarget target = space.targets(Map.of()).get(0);

        List<Optional<String>> documents = space.documents(target);

        assertThat(documents.get(0)).isEmpty();
        assertThat(documents).contains(Optional.of("arn:aws:ssm:us-east-1::document/AWS-StartSSHSession"));
        assertThat(documents).contains(
                Optional.of("arn:aws:ssm:us-east-1:111122223333:document/SSM-SessionManagerRunShell"));
        assertThat(documents).contains(
                Optional.of("arn:aws:ssm:us-east-1:444455556666:document/CustomSessionDocument"));
    }

    @Test
    void documents_include_every_aws_document() {
        SessionSpace space = space(allow("\"arn:aws:ec2:*:*:instance/*\"", ""));
        SessionTarget target = space.targets(Map.of()).get(0);

        List<Optional<String>> documents = space.documents(target);

        for (SessionDocument document : SessionDocument.AWS_SESSION_DOCUMENTS) {
            assertThat(documents).contains(Optional.of(document.arn("aws", "us-east-1", "111122223333")));
        }
    }

    @Test
    void documents_include_policy_witness() {
        SessionSpace space = space(allow("\"arn:aws:ssm:*:*:document/Team-*\"", ""));
        SessionTarget target = space.targets(Map.of()).get(0);

        assertThat(space.documents(target))
                .contains(Optional.of("arn:aws:ssm:us-east-1:111122223333:document/Team-Custom"));
    }

    @Test
    void targets_cover_tags_and_untagged() {
        SessionSpace space = space(allow("\"arn:aws:ec2:*:*:instance/*\"",
                "\"StringLike\": {\"ssm:resourceTag/Name\": \"app-*\"}"));

        List<SessionTarget> targets = space.targets(Map.of("Name", "app-bastion"));

        assertThat(targets).extracting(SessionTarget::tags).contains(Map.of("Name", "app-bastion"));
        assertThat(targets).extracting(SessionTarget::tags).contains(Map.of("Name", "app-x"));
        assertThat(targets).extracting(SessionTarget::tags).contains(Map.of("Name", "APP-BASTION"));
        assertThat(targets).extracting(SessionTarget::tags).contains(Map.of());
        assertThat(targets).extracting(SessionTarget::arn)
                .contains("arn:aws:ssm:us-east-1:111122223333:managed-instance/mi-0123456789abcdef0");
    }

    @Test
    void targets_use_literal_policy_region() {
        SessionSpace space = space(allow("\"arn:aws:ec2:eu-west-1:444455556666:instance/*\"", ""));

        List<SessionTarget> targets = space.targets(Map.of());

        assertThat(targets).extracting(SessionTarget::region).contains("us-east-1", "eu-west-1");
        assertThat(targets).extracting(SessionTarget::account).contains("111122223333", "444455556666");
    }
}
