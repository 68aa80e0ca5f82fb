package dev.policyproof.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policyproof.engine.PolicyKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessAnalyzerChecksTest {

    static final Path ENGINEER = Path.of("src/test/resources/policies/engineer.json");
    static final Path BUCKET = Path.of("src/test/resources/policies/bucket.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StubAws stub = new StubAws();

    @AfterEach
    void stop() {
        stub.close();
    }

    private void respondWith(String path, int status, String body) {
        stub.server.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private void error(String path, int status, String type, String message) {
        stub.server.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", type)
                .withBody("{\"message\":\"" + message + "\"}")));
    }

    private JsonNode sentBody(int index) throws Exception {
        return JSON.readTree(stub.requests().get(index).getRequest().getBodyAsString());
    }

    private static String finding(String type, String code, String pathJson, int spanLine) {
        return "{\"findingDetails\":\"details of " + code + "\",\"findingType\":\"" + type + "\",\"issueCode\":\""
                + code + "\",\"learnMoreLink\":\"https://docs.aws.amazon.com/IAM/latest/UserGuide/" + code
                + "\",\"locations\":[{\"path\":" + pathJson + ",\"span\":{\"start\":{\"line\":" + spanLine
                + ",\"column\":2,\"offset\":10},\"end\":{\"line\":" + spanLine + ",\"column\":9,\"offset\":17}}}]}";
    }

    @Test
    void validates_and_maps_finding_path_to_line() throws Exception {
        // GIVEN a finding on the Action of the 7th statement, whose first action is on line 62
        respondWith("/policy/validation", 200, "{\"findings\":[" + finding("SECURITY_WARNING", "MISSING_VERSION",
                "[{\"key\":\"Statement\"},{\"index\":6},{\"key\":\"Action\"},{\"index\":0}]", 99) + "]}");

        // WHEN
        ValidationReport report;
        try (RemoteChecks remote = stub.remote()) {
            report = remote.accessAnalyzer().validate(PolicyDocument.read(ENGINEER, PolicyKind.IDENTITY));
        }

        // THEN
        assertThat(report.findings()).hasSize(1);
        ValidationFinding finding = report.findings().get(0);
        assertThat(finding.severity()).isEqualTo(FindingSeverity.SECURITY_WARNING);
        assertThat(finding.issueCode()).isEqualTo("MISSING_VERSION");
        assertThat(finding.learnMoreLink()).endsWith("/MISSING_VERSION");
        assertThat(finding.locations().get(0).toString())
                .isEqualTo(ENGINEER + ":62:9 (Statement[6].Action[0])");
        assertThat(report.findingsAtOrAbove(FindingSeverity.ERROR)).isEmpty();
        assertThat(report.findingsAtOrAbove(FindingSeverity.WARNING)).hasSize(1);
        JsonNode sent = sentBody(0);
        assertThat(sent.get("policyType").asText()).isEqualTo("IDENTITY_POLICY");
        assertThat(sent.get("policyDocument").asText()).isEqualTo(PolicySources.readText(ENGINEER));
    }

    @Test
    void falls_back_to_span_for_value_paths() {
        // GIVEN a path that ends in a value, which names no JSON element of its own
        respondWith("/policy/validation", 200, "{\"findings\":[" + finding("WARNING", "REDUNDANT_ACTION",
                "[{\"key\":\"Statement\"},{\"index\":99}]", 12) + "]}");

        // WHEN
        ValidationReport report;
        try (RemoteChecks remote = stub.remote()) {
            report = remote.accessAnalyzer().validate(PolicyDocument.read(ENGINEER, PolicyKind.IDENTITY));
        }

        // THEN the deepest element found is the Statement array, on line 3
        assertThat(report.findings().get(0).locations().get(0).location().line()).isEqualTo(3);
    }

    @Test
    void follows_next_token_and_sends_resource_type() throws Exception {
        // GIVEN two pages of findings
        stub.server.stubFor(post(urlPathEqualTo("/policy/validation")).withQueryParam("nextToken", absent())
                .willReturn(aResponse().withStatus(200).withBody("{\"findings\":[" + finding("ERROR",
                        "INVALID_ACTION", "[{\"key\":\"Statement\"}]", 3) + "],\"nextToken\":\"t2\"}")));
        stub.server.stubFor(post(urlPathEqualTo("/policy/validation")).withQueryParam("nextToken", equalTo("t2"))
                .willReturn(aResponse().withStatus(200).withBody("{\"findings\":[" + finding("SUGGESTION",
                        "EMPTY_ARRAY_ACTION", "[{\"key\":\"Version\"}]", 2) + "]}")));

        // WHEN
        ValidationReport report;
        try (RemoteChecks remote = stub.remote()) {
            report = remote.accessAnalyzer().validate(PolicyDocument.read(BUCKET, PolicyKind.RESOURCE),
                    ValidationOptions.forKind(PolicyKind.RESOURCE).withResourceType("AWS::S3::Bucket"));
        }

        // THEN
        assertThat(report.findings()).extracting(ValidationFinding::issueCode)
                .containsExactly("INVALID_ACTION", "EMPTY_ARRAY_ACTION");
        assertThat(report.findings().get(1).locations().get(0).location().line()).isEqualTo(2);
        assertThat(sentBody(0).get("validatePolicyResourceType").asText()).isEqualTo("AWS::S3::Bucket");
        assertThat(sentBody(0).get("policyType").asText()).isEqualTo("RESOURCE_POLICY");
    }

    @Test
    void access_not_granted_fail_names_statement() throws Exception {
        // GIVEN
        respondWith("/policy/check-access-not-granted", 200, "{\"result\":\"FAIL\",\"message\":\"The policy document"
                + " grants access to perform one or more of the listed actions.\",\"reasons\":[{\"description\":"
                + "\"One or more of the listed actions in the statement with index: 3.\",\"statementIndex\":3,"
                + "\"statementId\":\"EndAndResumeOwnSessions\"}]}");

        // WHEN
        CustomCheckResult result;
        try (RemoteChecks remote = stub.remote()) {
            result = remote.accessAnalyzer().checkAccessNotGranted(PolicyDocument.read(ENGINEER,
                    PolicyKind.IDENTITY), List.of("ssm:TerminateSession"), List.of());
        }

        // THEN
        assertThat(result.passed()).isFalse();
        assertThat(result.reasons()).hasSize(1);
        assertThat(result.reasons().get(0).describe()).startsWith(
                "statement 4 of 9, Sid \"EndAndResumeOwnSessions\", line 32 of " + ENGINEER + ": One or more");
        JsonNode sent = sentBody(0);
        assertThat(sent.get("access").get(0).get("actions").get(0).asText()).isEqualTo("ssm:TerminateSession");
        assertThat(sent.get("access").get(0).has("resources")).isFalse();
        assertThat(sent.get("policyType").asText()).isEqualTo("IDENTITY_POLICY");
    }

    @Test
    void no_new_access_passes() throws Exception {
        // GIVEN
        respondWith("/policy/check-no-new-access", 200, "{\"result\":\"PASS\",\"message\":\"The modified permissions"
                + " grant no new access.\"}");
        PolicyDocument document = PolicyDocument.read(ENGINEER, PolicyKind.IDENTITY);

        // WHEN
        CustomCheckResult result;
        try (RemoteChecks remote = stub.remote()) {
            result = remote.accessAnalyzer().checkNoNewAccess(document, document);
        }

        // THEN
        assertThat(result.passed()).isTrue();
        assertThat(result.check()).isEqualTo("access-analyzer:CheckNoNewAccess");
        assertThat(sentBody(0).get("existingPolicyDocument").asText()).isEqualTo(document.text());
    }

    @Test
    void no_public_access_fails_for_public_statement() throws Exception {
        // GIVEN
        respondWith("/policy/check-no-public-access", 200, "{\"result\":\"FAIL\",\"message\":\"The resource policy"
                + " grants public access.\",\"reasons\":[{\"description\":\"Public access granted in the statement"
                + " with index: 1.\",\"statementIndex\":1,\"statementId\":\"PublicList\"}]}");

        // WHEN
        CustomCheckResult result;
        try (RemoteChecks remote = stub.remote()) {
            result = remote.accessAnalyzer().checkNoPublicAccess(PolicyDocument.read(BUCKET, PolicyKind.RESOURCE),
                    "AWS::S3::Bucket");
        }

        // THEN
        assertThat(result.passed()).isFalse();
        assertThat(result.reasons().get(0).localStatement().orElseThrow().statement().sid()).contains("PublicList");
        assertThat(sentBody(0).get("resourceType").asText()).isEqualTo("AWS::S3::Bucket");
    }

    @Test
    void retries_throttling_then_succeeds() {
        // GIVEN one 429, then a response
        stub.server.stubFor(post(urlPathEqualTo("/policy/validation")).inScenario("t").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("x-amzn-ErrorType", "ThrottlingException")
                        .withHeader("Retry-After", "0").withBody("{\"message\":\"Rate exceeded\"}"))
                .willSetStateTo("calm"));
        stub.server.stubFor(post(urlPathEqualTo("/policy/validation")).inScenario("t").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withBody("{\"findings\":[]}")));

        // WHEN
        ValidationReport report;
        try (RemoteChecks remote = stub.remote()) {
            report = remote.accessAnalyzer().validate(PolicyDocument.read(ENGINEER, PolicyKind.IDENTITY));
        }

        // THEN
        assertThat(report.findings()).isEmpty();
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void access_denied_names_the_permission() {
        // GIVEN
        error("/policy/check-no-public-access", 403, "AccessDeniedException", "not authorized");

        // WHEN / THEN
        try (RemoteChecks remote = stub.remote()) {
            assertThatThrownBy(() -> remote.accessAnalyzer().checkNoPublicAccess(
                            PolicyDocument.read(BUCKET, PolicyKind.RESOURCE), "AWS::S3::Bucket"))
                    .isInstanceOfSatisfying(RemoteCheckException.class,
                            e -> assertThat(e.reason()).isEqualTo(RemoteCheckException.Reason.ACCESS_DENIED))
                    .hasMessageStartingWith("access-analyzer:CheckNoPublicAccess was denied")
                    .hasMessageContaining("Grant the calling identity access-analyzer:CheckNoPublicAccess");
        }
    }

    @Test
    void validation_exception_is_an_invalid_request() {
        // GIVEN
        error("/policy/check-no-new-access", 400, "ValidationException", "policy types differ");
        PolicyDocument document = PolicyDocument.read(ENGINEER, PolicyKind.IDENTITY);

        // WHEN / THEN
        try (RemoteChecks remote = stub.remote()) {
            assertThatThrownBy(() -> remote.accessAnalyzer().checkNoNewAccess(document, document))
                    .isInstanceOfSatisfying(RemoteCheckException.class,
                            e -> assertThat(e.reason()).isEqualTo(RemoteCheckException.Reason.INVALID_REQUEST))
                    .hasMessageContaining("ValidationException: policy types differ");
        }
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void unknown_result_is_a_malformed_response() {
        // GIVEN
        respondWith("/policy/check-no-public-access", 200, "{\"result\":\"MAYBE\",\"message\":\"\"}");

        // WHEN / THEN
        try (RemoteChecks remote = stub.remote()) {
            assertThatThrownBy(() -> remote.accessAnalyzer().checkNoPublicAccess(
                            PolicyDocument.read(BUCKET, PolicyKind.RESOURCE), "AWS::S3::Bucket"))
                    .hasMessage("access-analyzer:CheckNoPublicAccess returned a malformed response: result is"
                            + " \"MAYBE\", expected PASS or FAIL");
        }
    }

    @Test
    void unreadable_json_is_a_malformed_response() {
        // GIVEN
        respondWith("/policy/validation", 200, "{\"findings\":[{\"findingType\":");

        // WHEN / THEN
        try (RemoteChecks remote = stub.remote()) {
            assertThatThrownBy(() -> remote.accessAnalyzer().validate(PolicyDocument.read(ENGINEER,
                            PolicyKind.IDENTITY)))
                    .isInstanceOfSatisfying(RemoteCheckException.class, e -> assertThat(e.reason())
                            .isEqualTo(RemoteCheckException.Reason.MALFORMED_RESPONSE));
        }
    }
}
