package dev.policyproof.maven;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.policyproof.aws.FindingSeverity;
import dev.policyproof.aws.RemoteChecks;
import dev.policyproof.engine.check.CheckOutcome;
import dev.policyproof.engine.check.CheckSuite;
import dev.policyproof.engine.check.ChecksFileReader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The plugin's remote step through the real SDK clients against a loopback stub. */
class RemoteStepTest {

    private static final String POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "ReadReports",
                  "Effect": "Allow",
                  "Action": "s3:GetObject",
                  "Resource": "arn:aws:s3:::reports/*"
                }
              ]
            }
            """;
    private static final String CHECKS = """
            policies:
              reader:
                files: [iam/reader.json]
            checks:
              - name: reader reads reports
                policies: [reader]
                expect:
                  - allows:
                      action: s3:GetObject
                      resource: arn:aws:s3:::reports/q1.csv
                  - denies:
                      action: s3:PutObject
                      resource: arn:aws:s3:::reports/q1.csv
                  - allowsStartSession:
                      onlyWithDocument: [AWS-StartPortForwardingSession]
            """;

    @TempDir
    Path project;

    private WireMockServer stub;

    @BeforeEach
    void start() throws IOException {
        stub = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        stub.start();
        Files.createDirectories(project.resolve("iam"));
        Files.writeString(project.resolve("iam/reader.json"), POLICY);
        Files.writeString(project.resolve("checks.yaml"), CHECKS);
    }

    @AfterEach
    void stop() {
        stub.stop();
    }

    private CheckSuite suite() {
        return CheckSuite.load(ChecksFileReader.relativeTo(project).read(project.resolve("checks.yaml")));
    }

    private RemoteChecks remote() {
        URI endpoint = URI.create("http://127.0.0.1:" + stub.port());
        return RemoteChecks.builder().region("eu-west-1").endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSTUB", "s")))
                .maxAttempts(2).backoff(Duration.ZERO, Duration.ZERO).build();
    }

    private void simulatorAnswers(String getDecision, String putDecision) {
        String ns = "https://iam.amazonaws.com/doc/2010-05-08/";
        stub.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=SimulateCustomPolicy"))
                .willReturn(aResponse().withStatus(200).withBody("<SimulateCustomPolicyResponse xmlns=\"" + ns
                        + "\"><SimulateCustomPolicyResult><IsTruncated>false</IsTruncated><EvaluationResults>"
                        + result("s3:GetObject", getDecision) + result("s3:PutObject", putDecision)
                        + "</EvaluationResults></SimulateCustomPolicyResult></SimulateCustomPolicyResponse>")));
    }

    private static String result(String action, String decision) {
        return "<member><EvalActionName>" + action + "</EvalActionName><EvalResourceName>arn:aws:s3:::reports/q1.csv"
                + "</EvalResourceName><EvalDecision>" + decision + "</EvalDecision></member>";
    }

    private void analyzerFinds(String findings) {
        stub.stubFor(post(urlPathEqualTo("/policy/validation"))
                .willReturn(aResponse().withStatus(200).withBody("{\"findings\":[" + findings + "]}")));
    }

    @Test
    void agreeing_simulator_and_clean_validation_pass() {
        // GIVEN
        simulatorAnswers("allowed", "implicitDeny");
        analyzerFinds("");

        // WHEN
        RemoteStep.Result result;
        try (RemoteChecks remote = remote()) {
            result = RemoteStep.run(suite(), remote, FindingSeverity.SECURITY_WARNING);
        }

        // THEN
        assertThat(result.outcomes()).hasSize(3).allMatch(CheckOutcome::passed);
        assertThat(result.outcomes().get(0).check()).isEqualTo("Access Analyzer validation");
        assertThat(result.outcomes().get(1).result().expectation())
                .isEqualTo("IAM policy simulator agrees: allows s3:GetObject on arn:aws:s3:::reports/q1.csv");
        assertThat(result.notComparable()).isEmpty();
        assertThat(result.inconclusive()).isEmpty();
        assertThat(stub.getAllServeEvents()).hasSize(2);
    }

    @Test
    void disagreement_and_finding_fail() {
        // GIVEN a simulator that allows the PutObject the engine denies, and an error finding
        simulatorAnswers("allowed", "allowed");
        analyzerFinds("{\"findingDetails\":\"Bad action.\",\"findingType\":\"ERROR\",\"issueCode\":\"INVALID_ACTION\","
                + "\"learnMoreLink\":\"\",\"locations\":[{\"path\":[{\"key\":\"Statement\"},{\"index\":0},"
                + "{\"key\":\"Action\"}],\"span\":{\"start\":{\"line\":7,\"column\":16,\"offset\":0},"
                + "\"end\":{\"line\":7,\"column\":30,\"offset\":0}}}]}");

        // WHEN
        RemoteStep.Result result;
        try (RemoteChecks remote = remote()) {
            result = RemoteStep.run(suite(), remote, FindingSeverity.SECURITY_WARNING);
        }

        // THEN
        List<CheckOutcome> failed = result.outcomes().stream().filter(outcome -> !outcome.passed()).toList();
        assertThat(failed).hasSize(2);
        assertThat(failed.get(0).result().failureMessage())
                .contains("finding:      ERROR INVALID_ACTION")
                .contains("  at:         iam/reader.json:7:17 (Statement[0].Action)");
        assertThat(failed.get(1).result().failureMessage())
                .startsWith("[reader reads reports]")
                .contains("but found:    the engine decided IMPLICIT_DENY and the simulator ALLOW");
    }

    @Test
    void offline_build_skips_remote_checks_with_one_warning() throws MojoExecutionException {
        // GIVEN
        RecordingLog log = new RecordingLog();
        RemoteSettings settings = new RemoteSettings(true, true, "eu-west-1", null, null, null);

        // WHEN
        RemoteSettings.Outcome outcome = settings.run(suite(), log);

        // THEN
        assertThat(outcome.outcomes()).isEmpty();
        assertThat(log.warnings).containsExactly("policyproof: Maven is offline, so 3 remote checks (Access Analyzer,"
                + " IAM policy simulator) were skipped; local checks still run");
        assertThat(stub.getAllServeEvents()).isEmpty();
    }

    @Test
    void disabled_remote_checks_make_no_call() throws MojoExecutionException {
        // WHEN
        RemoteSettings.Outcome outcome = new RemoteSettings(false, false, null, null, null, null)
                .run(suite(), new RecordingLog());

        // THEN
        assertThat(outcome).isSameAs(RemoteSettings.Outcome.NONE);
        assertThat(stub.getAllServeEvents()).isEmpty();
    }

    @Test
    void missing_credentials_are_a_build_error() {
        // GIVEN no credentials anywhere the default chain looks, profiles being pointed away by surefire
        assumeThat(System.getenv("AWS_ACCESS_KEY_ID")).as("no credentials in the environment").isNull();
        assumeThat(System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI")).isNull();
        assumeThat(System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE")).isNull();
        RemoteSettings settings = new RemoteSettings(true, false, "eu-west-1", null,
                "http://127.0.0.1:" + stub.port(), null);

        // WHEN / THEN
        assertThatThrownBy(() -> settings.run(suite(), new RecordingLog()))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("policyproof: policyproof.remote is true, but the remote checks could not"
                        + " run: no AWS credentials found");
        assertThat(stub.getAllServeEvents()).isEmpty();
    }

    @Test
    void endpoint_other_than_loopback_is_rejected() {
        // GIVEN
        RemoteSettings settings = new RemoteSettings(true, false, "eu-west-1", null, "http://192.0.2.10:8080", null);

        // WHEN / THEN
        assertThatThrownBy(() -> settings.run(suite(), new RecordingLog()))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("policyproof: invalid policyproof.aws.endpoint: endpoint override"
                        + " http://192.0.2.10:8080 is not a loopback address");
    }

    /** Keeps warnings for assertions. */
    private static final class RecordingLog extends SystemStreamLog {
        final List<String> warnings = new ArrayList<>();

        @Override
        public void warn(CharSequence content) {
            warnings.add(content.toString());
        }
    }
}
