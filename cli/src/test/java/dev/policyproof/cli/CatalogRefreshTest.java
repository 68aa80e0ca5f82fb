package dev.policyproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.policyproof.engine.catalog.ActionCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policyproof catalog refresh} against an HTTP server on 127.0.0.1. */
class CatalogRefreshTest {

    private static final String SERVICE = """
            {"Name": "ssm", "Actions": [
              {"Name": "StartSession", "Annotations": {"Properties": {"IsWrite": true}}},
              {"Name": "DescribeSessions", "Annotations": {"Properties": {"IsList": true}}}]}
            """;

    @TempDir
    Path directory;

    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Map<String, String> files = Map.of(
                "/", "[{\"service\": \"ssm\", \"url\": \"v1/ssm/ssm.json\"}]", "/v1/ssm/ssm.json", SERVICE);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = files.get(path);
            int status = body == null ? 404 : 200;
            if (path.equals("/broken/")) {
                status = 500;
            }
            byte[] bytes = (body == null ? "error" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void refresh_writes_catalogue_file() {
        Path output = directory.resolve("catalog.json.gz");

        CliRun run = CliRun.of("catalog", "refresh", "--base-url", baseUrl(), "--output", output.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("wrote 1 service and 2 actions to " + output);
        assertThat(ActionCatalog.read(output).action("ssm:StartSession")).isPresent();
    }

    @Test
    void refresh_exits_3_on_http_500() {
        Path output = directory.resolve("catalog.json.gz");
        String broken = baseUrl() + "broken/";

        CliRun run = CliRun.of("catalog", "refresh", "--base-url", broken, "--output", output.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errLines()).containsExactly("Catalogue refresh failed: GET " + broken + " returned HTTP 500;"
                + " expected 200 with service reference JSON, so no catalogue was written");
        assertThat(output).doesNotExist();
    }

    @Test
    void refresh_exits_3_on_refused_connection() throws IOException {
        String closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = "http://127.0.0.1:" + socket.getLocalPort() + "/";
        }

        String output = directory.resolve("catalog.json.gz").toString();

        CliRun run = CliRun.of("catalog", "refresh", "--base-url", closed, "--output", output);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("Catalogue refresh failed: cannot connect to " + closed + ": ");
    }

    @Test
    void refresh_exits_2_on_non_http_url() {
        CliRun run = CliRun.of("catalog", "refresh", "--base-url", "ftp://127.0.0.1/", "--output", "c.gz");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("Invalid URL \"ftp://127.0.0.1/\" (--base-url): expected an http or"
                + " https URL, such as https://servicereference.us-east-1.amazonaws.com/");
    }

    @Test
    void refresh_requires_output() {
        CliRun run = CliRun.of("catalog", "refresh", "--base-url", baseUrl());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--output=FILE'");
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }
}
