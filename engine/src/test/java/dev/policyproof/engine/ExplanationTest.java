package dev.policyproof.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ExplanationTest {

    private static final String IDENTITY = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}""";

    private static final String BOUNDARY = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "OnlyList", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]}""";

    private final PolicySet policies = PolicySet.builder()
            .addIdentity(PolicyParser.identity().parse("identity.json", IDENTITY))
            .permissionsBoundary(PolicyParser.identity().parse("boundary.json", BOUNDARY))
            .build();

    private final EvaluationResult result = policies.evaluate(Request.of("s3:GetObject", "arn:aws:s3:::reports/q1.csv")
            .principal("arn:aws:iam::111122223333:user/alice")
            .build());

    @Test
    void boundary_denies_what_identity_allows() {
        assertThat(result.decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(result.reasons()).contains("implicit deny: the permissions boundary does not allow the request");
    }

    @Test
    void text_lists_reason_policy_and_element() {
        String text = Explanation.toText(result);

        assertThat(text).contains("decision: IMPLICIT_DENY");
        assertThat(text).contains("because implicit deny: the permissions boundary does not allow the request");
        assertThat(text).contains("permissions boundary: boundary.json");
        assertThat(text).contains("no match \"Action\": \"s3:ListBucket\" does not match s3:GetObject");
        assertThat(text).contains("match    \"Action\": \"s3:GetObject\" matches s3:GetObject");
        assertThat(text).contains("match    \"Resource\": \"arn:aws:s3:::reports/*\" matches arn:aws:s3:::reports/q1.csv");
    }

    @Test
    void json_carries_every_statement() {
        JsonNode json = Explanation.toJson(result);

        assertThat(json.get("decision").asText()).isEqualTo("IMPLICIT_DENY");
        assertThat(json.get("policies")).hasSize(2);
        assertThat(json.get("policies").get(1).get("type").asText()).isEqualTo("PERMISSIONS_BOUNDARY");
        JsonNode statement = json.get("policies").get(0).get("statements").get(0);
        assertThat(statement.get("sid").asText()).isEqualTo("Read");
        assertThat(statement.get("applies").asBoolean()).isTrue();
        assertThat(statement.get("elements").get(0).get("element").asText()).isEqualTo("Action");
    }
}
