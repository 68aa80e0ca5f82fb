package dev.policyproof.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.policyproof.aws.StubAws.form;
import static dev.policyproof.aws.StubAws.matched;
import static dev.policyproof.aws.StubAws.result;
import static dev.policyproof.aws.StubAws.simulateResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policyproof.engine.Decision;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.RequestContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IamPolicySimulatorTest {

    static final Path ENGINEER = Path.of("src/test/resources/policies/engineer.json");
    static final String BASTION = "arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0";

    private final StubAws stub = new StubAws();

    @AfterEach
    void stop() {
        stub.close();
    }

    private void respondWith(String body) {
        stub.server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=SimulateCustomPolicy"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body)));
    }

    @Test
    void maps_decision_and_matched_statement_to_local_sid() {
        // GIVEN the simulator denies SendCommand by the statement that starts on line 58
        respondWith(simulateResponse("SimulateCustomPolicy", false, "",
                result("ssm:SendCommand", BASTION, "explicitDeny", matched("PolicyInputList.1", "none", 58, 5))));

        // WHEN
        SimulatorDecision decision;
        try (RemoteChecks remote = stub.remote()) {
            decision = remote.simulator().simulate(PolicySources.identityFiles(ENGINEER),
                    Request.of("ssm:SendCommand", BASTION).build());
        }

        // THEN
        assertThat(decision.decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(decision.matchedStatements()).hasSize(1);
        MatchedStatement statement = decision.matchedStatements().get(0);
        assertThat(statement.sourcePolicyId()).isEqualTo("PolicyInputList.1");
        assertThat(statement.localStatement()).isPresent();
        assertThat(statement.describe()).isEqualTo("statement 7 of 9, Sid \"DenyOtherShellRoads\", line 58 of "
                + ENGINEER);
    }

    @Test
    void sends_policy_text_actions_and_typed_context() throws Exception {
        // GIVEN
        respondWith(simulateResponse("SimulateCustomPolicy", false, "",
                result("ssm:TerminateSession", "arn:aws:ssm:us-east-1:111122223333:session/alice-1", "allowed")));
        Request request = Request.of("ssm:TerminateSession", "arn:aws:ssm:us-east-1:111122223333:session/alice-1")
                .principal("arn:aws:iam::111122223333:user/alice")
                .resourceAccount("111122223333")
                .context(RequestContext.builder()
                        .put("aws:userid", "AIDAEXAMPLEALICE")
                        .put("aws:SourceIp", "203.0.113.7")
                        .put("aws:SecureTransport", "true")
                        .putAll("aws:TagKeys", List.of("team", "project"))
                        .build())
                .build();

        // WHEN
        try (RemoteChecks remote = stub.remote()) {
            remote.simulator().simulate(PolicySources.identityFiles(ENGINEER), request);
        }

        // THEN
        Map<String, String> form = form(stub.requests().get(0));
        assertThat(form).containsEntry("Action", "SimulateCustomPolicy").containsEntry("Version", "2010-05-08");
        assertThat(form.get("PolicyInputList.member.1")).isEqualTo(PolicySources.readText(ENGINEER));
        assertThat(form).containsEntry("ActionNames.member.1", "ssm:TerminateSession");
        assertThat(form).containsEntry("CallerArn", "arn:aws:iam::111122223333:user/alice");
        assertThat(form).containsEntry("ResourceOwner", "arn:aws:iam::111122223333:root");
        assertThat(form).containsEntry("MaxItems", "100");
        assertThat(form).containsEntry("ContextEntries.member.1.ContextKeyName", "aws:userid")
                .containsEntry("ContextEntries.member.1.ContextKeyType", "string")
                .containsEntry("ContextEntries.member.2.ContextKeyType", "ip")
                .containsEntry("ContextEntries.member.3.ContextKeyType", "boolean")
                .containsEntry("ContextEntries.member.4.ContextKeyType", "stringList")
                .containsEntry("ContextEntries.member.4.ContextKeyValues.member.2", "project");
    }

    @Test
    void follows_markers_across_pages() {
        // GIVEN two pages, the second asked for with the first page's marker
        stub.server.stubFor(post(urlEqualTo("/")).withRequestBody(notContaining("Marker="))
                .willReturn(aResponse().withStatus(200).withBody(simulateResponse("SimulateCustomPolicy", true,
                        "page-2", result("ssm:SendCommand", BASTION, "explicitDeny")))));
        stub.server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Marker=page-2"))
                .willReturn(aResponse().withStatus(200).withBody(simulateResponse("SimulateCustomPolicy", false,
                        "", result("ssm:DescribeSessions", BASTION, "allowed")))));

        // WHEN
        List<SimulatorDecision> decisions;
        try (RemoteChecks remote = stub.clients().simulatorPageSize(1).build()) {
            decisions = remote.simulator().simulateAll(PolicySources.identityFiles(ENGINEER), List.of(
                    Request.of("ssm:SendCommand", BASTION).build(),
                    Request.of("ssm:DescribeSessions", BASTION).build()));
        }

        // THEN
        assertThat(decisions).extracting(SimulatorDecision::decision)
                .containsExactly(Decision.EXPLICIT_DENY, Decision.ALLOW);
        assertThat(stub.requests()).hasSize(2);
        assertThat(form(stub.requests().get(0))).containsEntry("MaxItems", "1");
    }

    @Test
    void splits_actions_into_chunks() {
        // GIVEN a stub that returns results for the actions of each chunk
        stub.server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("ActionNames.member.2=ssm%3ASendCommand"))
                .willReturn(aResponse().withStatus(200).withBody(simulateResponse("SimulateCustomPolicy", false, "",
                        result("ec2:DescribeInstances", BASTION, "allowed"),
                        result("ssm:SendCommand", BASTION, "explicitDeny")))));
        stub.server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("ActionNames.member.1=ssm%3AUpdateDocument"))
                .willReturn(aResponse().withStatus(200).withBody(simulateResponse("SimulateCustomPolicy", false, "",
                        result("ssm:UpdateDocument", BASTION, "implicitDeny")))));

        // WHEN three actions go out two per call
        List<SimulatorDecision> decisions;
        try (RemoteChecks remote = stub.clients().simulatorChunk(2, 10).build()) {
            decisions = remote.simulator().simulateAll(PolicySources.identityFiles(ENGINEER), List.of(
                    Request.of("ec2:DescribeInstances", BASTION).build(),
                    Request.of("ssm:SendCommand", BASTION).build(),
                    Request.of("ssm:UpdateDocument", BASTION).build()));
        }

        // THEN
        assertThat(stub.requests()).hasSize(2);
        assertThat(decisions).extracting(SimulatorDecision::decision)
                .containsExactly(Decision.ALLOW, Decision.EXPLICIT_DENY, Decision.IMPLICIT_DENY);
    }

    @Test
    void reads_resource_specific_results() {
        // GIVEN one result per action, with a decision per resource
        respondWith(simulateResponse("SimulateCustomPolicy", false, "", "<member><EvalActionName>ssm:SendCommand"
                + "</EvalActionName><EvalResourceName>*</EvalResourceName><EvalDecision>implicitDeny</EvalDecision>"
                + "<ResourceSpecificResults><member><EvalResourceName>" + BASTION + "</EvalResourceName>"
                + "<EvalResourceDecision>explicitDeny</EvalResourceDecision><MatchedStatements>"
                + matched("PolicyInputList.1", "none", 58, 5) + "</MatchedStatements></member>"
                + "</ResourceSpecificResults></member>"));

        // WHEN
        SimulatorDecision decision;
        try (RemoteChecks remote = stub.remote()) {
            decision = remote.simulator().simulate(PolicySources.identityFiles(ENGINEER),
                    Request.of("ssm:SendCommand", BASTION).build());
        }

        // THEN
        assertThat(decision.decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(decision.matchedStatements().get(0).localStatement().orElseThrow().statement().sid())
                .contains("DenyOtherShellRoads");
    }

    @Test
    void retries_throttling_then_succeeds() {
        // GIVEN one Throttling error, then a response
        stub.server.stubFor(post(urlEqualTo("/")).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(400).withBody(StubAws.iamError("Throttling", "Rate exceeded")))
                .willSetStateTo("calm"));
        stub.server.stubFor(post(urlEqualTo("/")).inScenario("throttle").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withBody(simulateResponse("SimulateCustomPolicy", false, "",
                        result("ssm:SendCommand", BASTION, "explicitDeny")))));

        // WHEN
        SimulatorDecision decision;
        try (RemoteChecks remote = stub.remote()) {
            decision = remote.simulator().simulate(PolicySources.identityFiles(ENGINEER),
                    Request.of("ssm:SendCommand", BASTION).build());
        }

        // THEN
        assertThat(decision.decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void throttling_past_last_attempt_is_inconclusive() {
        // GIVEN a simulator that always throttles
        stub.server.stubFor(post(urlEqualTo("/"))
                .willReturn(aResponse().withStatus(400).withBody(StubAws.iamError("Throttling", "Rate exceeded"))));

        // WHEN
        Comparison comparison;
        try (RemoteChecks remote = stub.clients().maxAttempts(3).build()) {
            comparison = remote.comparator().compare(PolicySources.identityFiles(ENGINEER),
                    Request.of("ssm:SendCommand", BASTION).build());
        }

        // THEN
        assertThat(comparison.verdict()).isEqualTo(Comparison.Verdict.INCONCLUSIVE);
        assertThat(comparison.agrees()).isFalse();
        assertThat(comparison.reason()).contains("iam:SimulateCustomPolicy was still throttled after the last retry");
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void access_denied_names_the_permission() {
        // GIVEN
        stub.server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(403).withBody(
                StubAws.iamError("AccessDenied", "User is not authorized to perform iam:SimulateCustomPolicy"))));

        // WHEN / THEN
        try (RemoteChecks remote = stub.remote()) {
            assertThatThrownBy(() -> remote.simulator().simulate(PolicySources.identityFiles(ENGINEER),
                            Request.of("ssm:SendCommand", BASTION).build()))
                    .isInstanceOfSatisfying(RemoteCheckException.class, e -> {
                        assertThat(e.reason()).isEqualTo(RemoteCheckException.Reason.ACCESS_DENIED);
                        assertThat(e.operation()).isEqualTo("iam:SimulateCustomPolicy");
                    })
                    .hasMessageContaining("Grant the calling identity iam:SimulateCustomPolicy");
        }
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void unknown_decision_is_a_malformed_response() {
        // GIVEN
        respondWith(simulateResponse("SimulateCustomPolicy", false, "", result("ssm:SendCommand", BASTION, "maybe")));

        // WHEN / THEN
        try (RemoteChecks remote = stub.remote()) {
            assertThatThrownBy(() -> remote.simulator().simulate(PolicySources.identityFiles(ENGINEER),
                            Request.of("ssm:SendCommand", BASTION).build()))
                    .isInstanceOfSatisfying(RemoteCheckException.class, e -> assertThat(e.reason())
                            .isEqualTo(RemoteCheckException.Reason.MALFORMED_RESPONSE))
                    .hasMessage("iam:SimulateCustomPolicy returned a malformed response: unknown EvalDecision"
                            + " \"maybe\"");
        }
    }

    @Test
    void unreadable_xml_is_a_malformed_response() {
        // GIVEN
        respondWith("<SimulateCustomPolicyResponse><SimulateCustomPolicyResult><EvaluationResults><member>");

        // WHEN / THEN
        try (RemoteChecks remote = stub.remote()) {
            assertThatThrownBy(() -> remote.simulator().simulate(PolicySources.identityFiles(ENGINEER),
                            Request.of("ssm:SendCommand", BASTION).build()))
                    .isInstanceOfSatisfying(RemoteCheckException.class, e -> assertThat(e.reason())
                            .isIn(RemoteCheckException.Reason.MALFORMED_RESPONSE));
        }
    }

    @Test
    void missing_result_for_request_is_a_malformed_response() {
        // GIVEN a result for another action
        respondWith(simulateResponse("SimulateCustomPolicy", false, "", result("ssm:GetDocument", BASTION, "allowed")));

        // WHEN / THEN
        try (RemoteChecks remote = stub.remote()) {
            assertThatThrownBy(() -> remote.simulator().simulate(PolicySources.identityFiles(ENGINEER),
                            Request.of("ssm:SendCommand", BASTION).build()))
                    .hasMessageContaining("no result for ssm:SendCommand on " + BASTION);
        }
    }

    @Test
    void slow_stub_times_out() {
        // GIVEN a stub that responds after two seconds, and attempts limited to 300 ms
        stub.server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withFixedDelay(2_000)
                .withBody(simulateResponse("SimulateCustomPolicy", false, "",
                        result("ssm:SendCommand", BASTION, "explicitDeny")))));

        // WHEN
        Comparison comparison;
        long start = System.nanoTime();
        try (RemoteChecks remote = stub.clients().maxAttempts(1).apiCallAttemptTimeout(Duration.ofMillis(300))
                .build()) {
            comparison = remote.comparator().compare(PolicySources.identityFiles(ENGINEER),
                    Request.of("ssm:SendCommand", BASTION).build());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        // THEN
        assertThat(comparison.verdict()).isEqualTo(Comparison.Verdict.INCONCLUSIVE);
        assertThat(comparison.reason()).startsWith("iam:SimulateCustomPolicy timed out");
        assertThat(elapsed).isLessThan(Duration.ofMillis(1_900));
    }

    @Test
    void simulates_principal_policy_with_service_ids() {
        // GIVEN
        stub.server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=SimulatePrincipalPolicy"))
                .willReturn(aResponse().withStatus(200).withBody(simulateResponse("SimulatePrincipalPolicy", false,
                        "", result("s3:GetObject", "arn:aws:s3:::reports/q1.csv", "allowed",
                                matched("ReadReports", "user-managed", 3, 5))))));

        // WHEN
        List<SimulatorDecision> decisions;
        try (RemoteChecks remote = stub.remote()) {
            decisions = remote.simulator().simulatePrincipal("arn:aws:iam::111122223333:role/reader",
                    List.of(Request.of("s3:GetObject", "arn:aws:s3:::reports/q1.csv").build()));
        }

        // THEN
        assertThat(decisions.get(0).decision()).isEqualTo(Decision.ALLOW);
        assertThat(decisions.get(0).matchedStatements().get(0).describe())
                .isEqualTo("statement at line 3 of ReadReports (user-managed)");
        assertThat(form(stub.requests().get(0)))
                .containsEntry("PolicySourceArn", "arn:aws:iam::111122223333:role/reader");
    }

    @Test
    void sends_resource_policy_and_boundary() {
        // GIVEN
        PolicyParser identity = PolicyParser.identity();
        String grant = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\"}}";
        String boundary = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\","
                + "\"Resource\":\"*\"}}";
        String bucket = PolicySources.readText(Path.of("src/test/resources/policies/bucket.json"));
        PolicySet set = PolicySet.builder()
                .identity(List.of(identity.parse("grant", grant)))
                .permissionsBoundary(identity.parse("boundary", boundary))
                .resourcePolicy(PolicyParser.forKind(PolicyKind.RESOURCE).parse("bucket", bucket))
                .build();
        PolicySources sources = PolicySources.of(set, Map.of("grant", grant, "boundary", boundary, "bucket", bucket));
        respondWith(simulateResponse("SimulateCustomPolicy", false, "",
                result("s3:GetObject", "arn:aws:s3:::reports/q1.csv", "allowed",
                        matched("ResourcePolicy", "resource", 4, 5))));

        // WHEN
        SimulatorDecision decision;
        try (RemoteChecks remote = stub.remote()) {
            decision = remote.simulator().simulate(sources, Request.of("s3:GetObject", "arn:aws:s3:::reports/q1.csv")
                    .principal("arn:aws:iam::111122223333:role/reader").build());
        }

        // THEN
        Map<String, String> form = form(stub.requests().get(0));
        assertThat(form).containsEntry("ResourcePolicy", bucket)
                .containsEntry("PermissionsBoundaryPolicyInputList.member.1", boundary)
                .containsEntry("PolicyInputList.member.1", grant)
                .containsEntry("CallerArn", "arn:aws:iam::111122223333:role/reader");
        assertThat(decision.matchedStatements().get(0).describe())
                .isEqualTo("statement 1 of 2, Sid \"ReadReports\", line 4 of bucket (resource policy)");
    }
}
