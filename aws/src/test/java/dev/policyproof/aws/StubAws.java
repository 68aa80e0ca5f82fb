package dev.policyproof.aws;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.policyproof.aws.internal.Loopback;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A WireMock server on 127.0.0.1 that plays IAM (Query protocol, XML) and Access Analyzer (REST-JSON), and clients
 * pointed at it with fixed fake credentials and retries that do not wait.
 */
final class StubAws implements AutoCloseable {

    static final String ACCESS_KEY_ID = "AKIAPOLICYPROOFTEST1";
    static final String SECRET_KEY = "stub-secret-key-never-printed-0123456789";
    static final String SESSION_TOKEN = "stub-session-token-never-printed-9876543210";
    static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";

    final WireMockServer server;

    StubAws() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    URI endpoint() {
        URI endpoint = URI.create("http://127.0.0.1:" + server.port());
        assertThat(Loopback.isLoopback(endpoint)).as("stub endpoint is loopback").isTrue();
        return endpoint;
    }

    RemoteChecks.Builder clients() {
        return RemoteChecks.builder()
                .region("us-east-1")
                .endpointOverride(endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(ACCESS_KEY_ID, SECRET_KEY, SESSION_TOKEN)))
                .maxAttempts(5)
                .backoff(Duration.ZERO, Duration.ZERO)
                .apiCallAttemptTimeout(Duration.ofSeconds(5))
                .apiCallTimeout(Duration.ofSeconds(20));
    }

    RemoteChecks remote() {
        return clients().build();
    }

    List<ServeEvent> requests() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        events.forEach(event -> assertThat(event.getRequest().getHost()).isEqualTo("127.0.0.1"));
        Collections.reverse(events);
        return events;
    }

    /** Decodes a form-encoded IAM request body into its parameters, in order. */
    static Map<String, String> form(ServeEvent event) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : event.getRequest().getBodyAsString().split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
            parameters.put(key, URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    static String simulateResponse(String operation, boolean truncated, String marker, String... results) {
        return "<" + operation + "Response xmlns=\"" + IAM_NS + "\"><" + operation + "Result>"
                + "<IsTruncated>" + truncated + "</IsTruncated>"
                + (marker.isEmpty() ? "" : "<Marker>" + marker + "</Marker>")
                + "<EvaluationResults>" + String.join("", results) + "</EvaluationResults>"
                + "</" + operation + "Result><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>"
                + "</" + operation + "Response>";
    }

    static String result(String action, String resource, String decision, String... matched) {
        return "<member><EvalActionName>" + action + "</EvalActionName><EvalResourceName>" + resource
                + "</EvalResourceName><EvalDecision>" + decision + "</EvalDecision><MatchedStatements>"
                + String.join("", matched) + "</MatchedStatements><MissingContextValues/></member>";
    }

    static String matched(String policyId, String type, int line, int column) {
        return "<member><SourcePolicyId>" + policyId + "</SourcePolicyId><SourcePolicyType>" + type
                + "</SourcePolicyType><StartPosition><Line>" + line + "</Line><Column>" + column
                + "</Column></StartPosition><EndPosition><Line>" + (line + 5) + "</Line><Column>5</Column>"
                + "</EndPosition></member>";
    }

    static String iamError(String code, String message) {
        return "<ErrorResponse xmlns=\"" + IAM_NS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                + message + "</Message></Error><RequestId>req-err</RequestId></ErrorResponse>";
    }

    @Override
    public void close() {
        server.stop();
    }
}
