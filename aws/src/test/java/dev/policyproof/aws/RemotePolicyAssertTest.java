package dev.policyproof.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.policyproof.aws.StubAws.matched;
import static dev.policyproof.aws.StubAws.result;
import static dev.policyproof.aws.StubAws.simulateResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policyproof.engine.Request;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The remote DSL end to end: assertion, real SDK client, loopback stub, failure message. */
class RemotePolicyAssertTest {

    private static final Path ENGINEER = Path.of("src/test/resources/policies/engineer.json");
    private static final String BASTION = "arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0";

    private final StubAws stub = new StubAws();
    private RemoteChecks remote;
    private RemotePolicyAssertions aws;

    @BeforeEach
    void start() {
        remote = stub.remote();
        aws = RemotePolicyAssertions.withRemoteChecks(remote);
    }

    @AfterEach
    void stop() {
        remote.close();
        stub.close();
    }

    private void simulatorAnswers(String decision, String... matched) {
        stub.server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody(
                simulateResponse("SimulateCustomPolicy", false, "", result("ssm:SendCommand", BASTION, decision,
                        matched)))));
    }

    @Test
    void agreement_passes_when_decisions_match() {
        // GIVEN
        simulatorAnswers("explicitDeny", matched("PolicyInputList.1", "none", 58, 5));

        // WHEN / THEN
        assertThat(aws.assertThatPolicy(ENGINEER).agreesWithSimulatorOn("ssm:SendCommand", BASTION)).isNotNull();
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void disagreement_fails_with_both_explanations() {
        // GIVEN a simulator that allows what the engine denies
        simulatorAnswers("allowed", matched("PolicyInputList.1", "none", 41, 5));

        // WHEN / THEN
        assertThatThrownBy(() -> aws.assertThatPolicy(ENGINEER).as("engineer policy")
                        .agreesWithSimulatorOn("ssm:SendCommand", BASTION))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(String.join(System.lineSeparator(),
                        "[engineer policy]",
                        "expected:     the local decision agrees with the IAM policy simulator",
                        "but found:    the engine decided EXPLICIT_DENY and the simulator ALLOW",
                        "request:      ssm:SendCommand on " + BASTION,
                        "local:        EXPLICIT_DENY",
                        "  decided by: statement 7 of 9, Sid \"DenyOtherShellRoads\", line 58 of " + ENGINEER,
                        "simulator:    ALLOW",
                        "  matched:    statement 5 of 9, Sid \"OpenSessionDataChannel\", line 41 of " + ENGINEER,
                        "local trace:  decision: EXPLICIT_DENY",
                        "                  because explicit deny: statement 7 of 9, Sid \"DenyOtherShellRoads\","
                                + " line 58 of " + ENGINEER));
    }

    @Test
    void not_comparable_request_fails_with_reason() {
        // WHEN / THEN
        assertThatThrownBy(() -> aws.assertThatPolicy(ENGINEER).agreesWithSimulator(
                        Request.of("ssm:StartSession", BASTION).build()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but found:    not comparable: ssm:StartSession depends on Session Manager");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void findings_at_or_above_threshold_fail() {
        // GIVEN one security warning and one suggestion
        stub.server.stubFor(post(urlPathEqualTo("/policy/validation")).willReturn(aResponse().withStatus(200)
                .withBody("{\"findings\":[{\"findingDetails\":\"Using iam:PassRole with a wildcard.\","
                        + "\"findingType\":\"SECURITY_WARNING\",\"issueCode\":\"PASS_ROLE_WITH_STAR_IN_RESOURCE\","
                        + "\"learnMoreLink\":\"https://docs.aws.amazon.com/IAM/latest/UserGuide/pass-role\","
                        + "\"locations\":[{\"path\":[{\"key\":\"Statement\"},{\"index\":4},{\"key\":\"Resource\"}],"
                        + "\"span\":{\"start\":{\"line\":45,\"column\":18,\"offset\":0},\"end\":{\"line\":45,"
                        + "\"column\":21,\"offset\":3}}}]},{\"findingDetails\":\"Shorter.\",\"findingType\":"
                        + "\"SUGGESTION\",\"issueCode\":\"EMPTY_ARRAY\",\"learnMoreLink\":\"\",\"locations\":[]}]}")));

        // WHEN / THEN
        assertThat(aws.assertThatPolicy(ENGINEER).hasNoValidationFindingsAtOrAbove(FindingSeverity.ERROR))
                .isNotNull();
        assertThatThrownBy(() -> aws.assertThatPolicy(ENGINEER)
                        .hasNoValidationFindingsAtOrAbove(FindingSeverity.SECURITY_WARNING))
                .isInstanceOf(AssertionError.class)
                .hasMessage(String.join(System.lineSeparator(),
                        "[" + ENGINEER + "]",
                        "expected:     no Access Analyzer finding at or above SECURITY_WARNING",
                        "but found:    1 finding",
                        "finding:      SECURITY_WARNING PASS_ROLE_WITH_STAR_IN_RESOURCE",
                        "  at:         " + ENGINEER + ":45:19 (Statement[4].Resource)",
                        "  details:    Using iam:PassRole with a wildcard.",
                        "  learn more: https://docs.aws.amazon.com/IAM/latest/UserGuide/pass-role"));
    }

    @Test
    void access_not_granted_failure_names_statement() {
        // GIVEN
        stub.server.stubFor(post(urlPathEqualTo("/policy/check-access-not-granted")).willReturn(aResponse()
                .withStatus(200).withBody("{\"result\":\"FAIL\",\"message\":\"The policy document grants access.\","
                        + "\"reasons\":[{\"description\":\"Listed action in statement index 4.\","
                        + "\"statementIndex\":4,\"statementId\":\"OpenSessionDataChannel\"}]}")));

        // WHEN / THEN
        assertThatThrownBy(() -> aws.assertThatPolicy(ENGINEER)
                        .grantsNoneOf(List.of("ssmmessages:OpenDataChannel")))
                .isInstanceOf(AssertionError.class)
                .hasMessage(String.join(System.lineSeparator(),
                        "[" + ENGINEER + "]",
                        "expected:     grants none of [ssmmessages:OpenDataChannel] on any resource",
                        "but found:    access-analyzer:CheckAccessNotGranted returned FAIL: The policy document"
                                + " grants access.",
                        "policy:       " + ENGINEER,
                        "reason:       statement 5 of 9, Sid \"OpenSessionDataChannel\", line 41 of " + ENGINEER
                                + ": Listed action in statement index 4."));
    }

    @Test
    void remote_error_is_not_an_assertion_failure() {
        // GIVEN
        stub.server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(403)
                .withBody(StubAws.iamError("AccessDenied", "not authorized"))));

        // WHEN / THEN
        assertThatThrownBy(() -> aws.assertThatPolicy(ENGINEER).agreesWithSimulatorOn("ssm:SendCommand", BASTION))
                .isInstanceOf(RemoteCheckException.class)
                .hasMessageContaining("iam:SimulateCustomPolicy");
    }
}
