package dev.policyproof.sample;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.policyproof.aws.FindingSeverity;
import dev.policyproof.aws.RemoteChecks;
import dev.policyproof.aws.RemotePolicyAssertions;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Shows the remote assertions on the engineer policy. The calls go to a stub of IAM and Access Analyzer on
 * 127.0.0.1 that responds as AWS would for this policy, so nothing leaves the machine. The SDK still signs each call,
 * so the tests are skipped with a notice unless credentials are set in the environment or in system properties,
 * for example {@code AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=stub mvn verify}; the stub ignores them.
 */
class RemoteChecksTest {

    private static final Path ENGINEER = Path.of("src/main/iam/engineer-tunnel.json");
    private static final String BASTION = "arn:aws:ec2:eu-west-1:111122223333:instance/i-0123456789abcdef0";
    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";

    private static WireMockServer stub;
    private static RemoteChecks remote;

    @BeforeAll
    static void start() throws Exception {
        // Only providers that read local settings: profiles may name SSO or a process, which would reach out.
        AwsCredentialsProvider credentials = AwsCredentialsProviderChain.of(
                EnvironmentVariableCredentialsProvider.create(), SystemPropertyCredentialsProvider.create());
        assumeTrue(resolves(credentials), "RemoteChecksTest skipped: no AWS credentials in the environment or system"
                + " properties; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (any values) to run it against the"
                + " local stub");
        stub = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        stub.start();
        URI endpoint = URI.create("http://127.0.0.1:" + stub.port());
        assertThat(InetAddress.getByName(endpoint.getHost()).isLoopbackAddress()).isTrue();
        remote = RemoteChecks.builder().region("eu-west-1").endpointOverride(endpoint).credentialsProvider(credentials)
                .build();
    }

    @AfterAll
    static void stop() {
        if (remote != null) {
            remote.close();
        }
        if (stub != null) {
            stub.stop();
        }
    }

    private static boolean resolves(AwsCredentialsProvider credentials) {
        try {
            credentials.resolveCredentials();
            return true;
        } catch (SdkClientException e) {
            return false;
        }
    }

    @Test
    void simulator_agrees_that_send_command_is_denied() {
        // GIVEN the simulator's response: an explicit deny by the statement on line 58
        stub.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=SimulateCustomPolicy"))
                .willReturn(aResponse().withStatus(200).withBody("<SimulateCustomPolicyResponse xmlns=\"" + IAM_NS
                        + "\"><SimulateCustomPolicyResult><IsTruncated>false</IsTruncated><EvaluationResults>"
                        + "<member><EvalActionName>ssm:SendCommand</EvalActionName><EvalResourceName>" + BASTION
                        + "</EvalResourceName><EvalDecision>explicitDeny</EvalDecision><MatchedStatements><member>"
                        + "<SourcePolicyId>PolicyInputList.1</SourcePolicyId><StartPosition><Line>58</Line>"
                        + "<Column>5</Column></StartPosition></member></MatchedStatements></member>"
                        + "</EvaluationResults></SimulateCustomPolicyResult></SimulateCustomPolicyResponse>")));

        // WHEN / THEN
        assertThat(RemotePolicyAssertions.withRemoteChecks(remote).assertThatPolicy(ENGINEER)
                .agreesWithSimulatorOn("ssm:SendCommand", BASTION)).isNotNull();
    }

    @Test
    void access_analyzer_finds_nothing_serious() {
        // GIVEN Access Analyzer's response: one suggestion, below the threshold
        stub.stubFor(post(urlPathEqualTo("/policy/validation")).willReturn(aResponse().withStatus(200).withBody(
                "{\"findings\":[{\"findingDetails\":\"Add a Sid.\",\"findingType\":\"SUGGESTION\",\"issueCode\":"
                        + "\"EMPTY_SID\",\"learnMoreLink\":\"\",\"locations\":[]}]}")));

        // WHEN / THEN
        assertThat(RemotePolicyAssertions.withRemoteChecks(remote).assertThatPolicy(ENGINEER)
                .hasNoValidationFindingsAtOrAbove(FindingSeverity.SECURITY_WARNING)).isNotNull();
    }
}
