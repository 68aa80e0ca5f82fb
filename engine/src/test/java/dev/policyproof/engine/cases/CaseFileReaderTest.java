package dev.policyproof.engine.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policyproof.engine.Decision;
import org.junit.jupiter.api.Test;

class CaseFileReaderTest {

    private static final String ENGINEER = "{\"Version\": \"2012-10-17\", \"Statement\": ["
            + "{\"Sid\": \"Bastion\", \"Effect\": \"Allow\", \"Action\": \"ssm:StartSession\","
            + " \"Resource\": \"arn:aws:ec2:*:*:instance/*\","
            + " \"Condition\": {\"StringEquals\": {\"ssm:resourceTag/Name\": \"app-bastion\"}}},"
            + "{\"Sid\": \"Tunnel\", \"Effect\": \"Allow\", \"Action\": \"ssm:StartSession\","
            + " \"Resource\": \"arn:aws:ssm:*::document/AWS-StartPortForwardingSession\"}]}";

    @Test
    void session_without_document_uses_default_shell() {
        // GIVEN a session case that names no document
        String line = "{\"id\": \"shell\", \"policies\": {\"identity\": [" + ENGINEER + "]}, \"request\": {"
                + "\"principal\": \"arn:aws:iam::111122223333:user/alice\", \"action\": \"ssm:StartSession\","
                + " \"resource\": \"arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0\","
                + " \"context\": {\"ssm:resourceTag/Name\": \"app-bastion\"}}, \"expected\": \"Allowed\"}";

        // WHEN
        EvaluationCase parsed = CaseFileReader.parse("cases.jsonl", 3, line);
        CaseEvaluator.Outcome outcome = CaseEvaluator.evaluate(parsed);

        // THEN the target keeps its tag and the default shell is granted implicitly
        assertThat(parsed.session()).isNotNull();
        assertThat(parsed.session().target().tags()).containsEntry("Name", "app-bastion");
        assertThat(outcome.decision()).isEqualTo(Decision.ALLOW);
        assertThat(outcome.toJson().get("explanation").get("defaultShellGrantedImplicitly").asBoolean()).isTrue();
        assertThat(outcome.toJson().get("id").asText()).isEqualTo("shell");
    }

    @Test
    void tag_of_target_does_not_reach_document() {
        // GIVEN a session that names a customer document in the account, which no statement allows
        String line = "{\"id\": \"doc\", \"policies\": {\"identity\": [" + ENGINEER + "]}, \"request\": {"
                + "\"action\": \"ssm:StartSession\","
                + " \"resource\": \"arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0\","
                + " \"document\": \"arn:aws:ssm:us-east-1:111122223333:document/Custom\","
                + " \"context\": {\"ssm:resourceTag/Name\": \"app-bastion\"}}}";

        // WHEN
        CaseEvaluator.Outcome outcome = CaseEvaluator.evaluate(CaseFileReader.parse("cases.jsonl", 1, line));

        // THEN
        assertThat(outcome.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void invalid_policy_names_file_and_line() {
        String line = "{\"id\": \"bad\", \"policies\": {\"identity\": [{\"Statement\": [{\"Effect\": \"allow\","
                + " \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}]},"
                + " \"request\": {\"action\": \"s3:GetObject\", \"resource\": \"*\"}}";

        assertThatThrownBy(() -> CaseFileReader.parse("cases.jsonl", 7, line))
                .isInstanceOf(CaseFileException.class)
                .hasMessageStartingWith("cases.jsonl:7:")
                .hasMessageContaining("/policies/identity/0/Statement/0/Effect")
                .hasMessageContaining("invalid Effect \"allow\"")
                .hasMessageNotContaining("Invalid policy: cases.jsonl");
    }

    @Test
    void unknown_field_is_rejected() {
        String line = "{\"id\": \"x\", \"policy\": {}, \"request\": {\"action\": \"s3:GetObject\", \"resource\": \"*\"}}";

        assertThatThrownBy(() -> CaseFileReader.parse("cases.jsonl", 2, line))
                .isInstanceOf(CaseFileException.class)
                .hasMessageContaining("cases.jsonl:2:")
                .hasMessageContaining("unknown case field \"policy\"");
    }

    @Test
    void unknown_decided_by_sid_is_rejected() {
        String line = "{\"id\": \"typo\", \"policies\": {\"identity\": [{\"Statement\": [{\"Sid\": \"ReadObjects\","
                + " \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}]},"
                + " \"request\": {\"action\": \"s3:GetObject\", \"resource\": \"*\"},"
                + " \"expected\": \"Allowed\", \"decidedBy\": [\"ReadObject\"]}";

        assertThatThrownBy(() -> CaseFileReader.parse("cases.jsonl", 3, line))
                .isInstanceOf(CaseFileException.class)
                .hasMessageContaining("cases.jsonl:3:")
                .hasMessageContaining("Sid \"ReadObject\"")
                .hasMessageContaining("[ReadObjects]");
    }
}
