package dev.policyproof.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.policyproof.engine.catalog.ActionCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refresh-catalog goal against an HTTP server on 127.0.0.1, online and offline. */
class RefreshCatalogMojoTest {

    private static final String SERVICE = """
            {"Name": "ssm", "Actions": [{"Name": "StartSession",
              "Annotations": {"Properties": {"IsWrite": true}}}]}
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
            String body = files.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
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
    void writes_catalogue_from_base_url() throws Exception {
        RefreshCatalogMojo mojo = mojo(false, baseUrl());

        mojo.execute();

        ActionCatalog catalog = ActionCatalog.read(mojo.catalogOutput.toPath());
        assertThat(catalog.size()).isEqualTo(1);
        assertThat(catalog.action("ssm:StartSession")).isPresent();
    }

    @Test
    void rejects_offline_maven() {
        RefreshCatalogMojo mojo = mojo(true, baseUrl());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("policyproof: refresh-catalog downloads from the network, but Maven is offline (-o or"
                        + " <offline>true</offline> in settings.xml); run it without -o");
        assertThat(mojo.catalogOutput).doesNotExist();
    }

    @Test
    void reports_http_error_as_build_error() {
        RefreshCatalogMojo mojo = mojo(false, baseUrl() + "missing/");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("policyproof: catalogue refresh failed: GET " + baseUrl() + "missing/ returned HTTP 404;"
                        + " expected 200 with service reference JSON, so no catalogue was written");
    }

    @Test
    void rejects_base_url_without_http_scheme() {
        RefreshCatalogMojo mojo = mojo(false, "file:///tmp/index.json");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("policyproof: policyproof.catalogBaseUrl \"file:///tmp/index.json\" is invalid:"
                        + " expected an http or https URL;");
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @SuppressWarnings("deprecation")
    private RefreshCatalogMojo mojo(boolean offline, String baseUrl) {
        RefreshCatalogMojo mojo = new RefreshCatalogMojo();
        mojo.catalogBaseUrl = baseUrl;
        mojo.catalogOutput = directory.resolve("catalog.json.gz").toFile();
        mojo.session = new MavenSession(null, null, new DefaultMavenExecutionRequest().setOffline(offline), null);
        return mojo;
    }
}
