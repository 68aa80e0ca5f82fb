package dev.policyproof.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.Request;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Credentials and session tokens never reach messages, results or the console. */
class CredentialSafetyTest {

    private static final Path ENGINEER = Path.of("src/test/resources/policies/engineer.json");
    private static final List<String> SECRETS =
            List.of(StubAws.ACCESS_KEY_ID, StubAws.SECRET_KEY, StubAws.SESSION_TOKEN);

    private final StubAws stub = new StubAws();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void echoed_credentials_are_redacted_from_messages() {
        // GIVEN a service whose error message echoes every credential value
        String echo = "Credential=" + StubAws.ACCESS_KEY_ID + "/20260101/us-east-1/iam/aws4_request token "
                + StubAws.SESSION_TOKEN + " secret " + StubAws.SECRET_KEY;
        stub.server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(403)
                .withBody(StubAws.iamError("AccessDenied", echo))));
        stub.server.stubFor(post(urlPathEqualTo("/policy/validation")).willReturn(aResponse().withStatus(400)
                .withHeader("x-amzn-ErrorType", "ValidationException").withBody("{\"message\":\"" + echo + "\"}")));

        // WHEN
        String console;
        RemoteCheckException simulator;
        RemoteCheckException analyzer;
        try (RemoteChecks remote = stub.remote(); CapturedConsole captured = new CapturedConsole()) {
            simulator = catchThrowableOfType(RemoteCheckException.class, () -> remote.simulator()
                    .simulate(PolicySources.identityFiles(ENGINEER), Request.of("s3:GetObject", "*").build()));
            analyzer = catchThrowableOfType(RemoteCheckException.class, () -> remote.accessAnalyzer()
                    .validate(PolicyDocument.read(ENGINEER, PolicyKind.IDENTITY)));
            console = captured.text();
        }

        // THEN
        assertThat(simulator.getMessage()).contains("Credential=[redacted]");
        for (String secret : SECRETS) {
            assertThat(simulator.getMessage()).doesNotContain(secret);
            assertThat(analyzer.getMessage()).doesNotContain(secret);
            assertThat(console).doesNotContain(secret);
        }
    }

    @Test
    void successful_results_carry_no_credentials() {
        // GIVEN
        stub.server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody(
                StubAws.simulateResponse("SimulateCustomPolicy", false, "",
                        StubAws.result("s3:GetObject", "*", "implicitDeny")))));

        // WHEN
        Comparison comparison;
        String console;
        try (RemoteChecks remote = stub.remote(); CapturedConsole captured = new CapturedConsole()) {
            comparison = remote.comparator().compare(PolicySources.identityFiles(ENGINEER),
                    Request.of("s3:GetObject", "*").build());
            console = captured.text();
        }

        // THEN
        assertThat(comparison.verdict()).isEqualTo(Comparison.Verdict.AGREE);
        for (String secret : SECRETS) {
            assertThat(comparison.toString()).doesNotContain(secret);
            assertThat(comparison.describe("engineer")).doesNotContain(secret);
            assertThat(console).doesNotContain(secret);
        }
    }

    @Test
    void missing_credentials_fail_with_clear_message() {
        // GIVEN a provider that finds nothing, as the default chain does on a machine without credentials
        RemoteChecks remote = RemoteChecks.builder().region("us-east-1").endpointOverride(stub.endpoint())
                .credentialsProvider(() -> {
                    throw SdkClientException.create("Unable to load credentials from any of the providers in the"
                            + " chain");
                })
                .maxAttempts(1)
                .build();

        // WHEN / THEN
        try (remote) {
            assertThatThrownBy(remote::verifyCredentials)
                    .isInstanceOfSatisfying(RemoteCheckException.class, e -> assertThat(e.reason())
                            .isEqualTo(RemoteCheckException.Reason.MISSING_CREDENTIALS))
                    .hasMessageStartingWith("no AWS credentials found for remote checks");
            assertThatThrownBy(() -> remote.simulator().simulate(PolicySources.identityFiles(ENGINEER),
                            Request.of("s3:GetObject", "*").build()))
                    .isInstanceOfSatisfying(RemoteCheckException.class, e -> assertThat(e.reason())
                            .isEqualTo(RemoteCheckException.Reason.MISSING_CREDENTIALS));
        }
        assertThat(stub.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://iam.amazonaws.com", "http://10.0.0.1:8080", "http://169.254.169.254",
            "http://localhost.example:80"})
    void endpoint_override_must_be_loopback(String endpoint) {
        // WHEN / THEN
        assertThatThrownBy(() -> RemoteChecks.builder().endpointOverride(URI.create(endpoint)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a loopback address");
    }

    /** Captures what is written to the console while open. */
    private static final class CapturedConsole implements AutoCloseable {
        private final PrintStream out = System.out;
        private final PrintStream err = System.err;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        CapturedConsole() {
            PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
        }

        String text() {
            return buffer.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
