package dev.policyproof.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policyproof.engine.PolicyParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refresh against an HTTP server on 127.0.0.1 that serves files shaped like AWS's service reference. */
class CatalogRefresherTest {

    private static final String SSM = """
            {"Name": "ssm", "Version": "v1.3",
             "Actions": [
               {"Name": "StartSession",
                "Annotations": {"Properties": {"IsList": false, "IsPermissionManagement": false,
                                               "IsTaggingOnly": false, "IsWrite": true}},
                "ActionConditionKeys": ["ssm:SessionDocumentAccessCheck", "ssm:resourceTag/${TagKey}"],
                "Resources": [{"Name": "instance"}, {"Name": "document"}]},
               {"Name": "DescribeSessions",
                "Annotations": {"Properties": {"IsList": true, "IsPermissionManagement": false,
                                               "IsTaggingOnly": false, "IsWrite": false}}},
               {"Name": "GetDocument",
                "Annotations": {"Properties": {"IsList": false, "IsPermissionManagement": false,
                                               "IsTaggingOnly": false, "IsWrite": false}},
                "Resources": [{"Name": "document"}]}
             ],
             "Resources": [
               {"Name": "document", "ARNFormats": ["arn:${Partition}:ssm:${Region}:${Account}:document/${DocumentName}"]},
               {"Name": "instance", "ARNFormats": ["arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}"],
                "ConditionKeys": ["ssm:resourceTag/${TagKey}"]}
             ],
             "ConditionKeys": [
               {"Name": "ssm:SessionDocumentAccessCheck", "Types": ["Bool"]},
               {"Name": "ssm:resourceTag/${TagKey}", "Types": ["String"]}
             ],
             "Operations": []}
            """;

    private static final String IAM = """
            {"Name": "iam",
             "Actions": [
               {"Name": "PassRole",
                "Annotations": {"Properties": {"IsList": false, "IsPermissionManagement": true,
                                               "IsTaggingOnly": false, "IsWrite": true}},
                "ActionConditionKeys": ["iam:PassedToService"],
                "Resources": [{"Name": "role"}]}
             ],
             "Resources": [{"Name": "role", "ARNFormats": ["arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}"]}],
             "ConditionKeys": [{"Name": "iam:PassedToService", "Types": ["String"]}]}
            """;

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    private LoopbackServer server;

    @BeforeEach
    void startServer() {
        server = new LoopbackServer();
        String index = "[{\"service\": \"ssm\", \"url\": \"" + server.url("/v1/ssm/ssm.json") + "\"},"
                + " {\"service\": \"iam\", \"url\": \"v1/iam/iam.json\"}]";
        server.serve("/", index).serve("/v1/ssm/ssm.json", SSM).serve("/v1/iam/iam.json", IAM);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void refresh_writes_catalogue_from_service_files() {
        Path output = directory.resolve("catalog.json.gz");

        ActionCatalog refreshed = refresher(server.url("/")).refresh(output);

        ActionCatalog read = ActionCatalog.read(output);
        assertThat(read.size()).isEqualTo(refreshed.size()).isEqualTo(4);
        assertThat(read.allActions()).extracting(ActionInfo::fullName)
                .containsExactly("iam:PassRole", "ssm:DescribeSessions", "ssm:GetDocument", "ssm:StartSession");
        assertThat(server.requestedPaths()).containsExactlyInAnyOrder("/", "/v1/ssm/ssm.json", "/v1/iam/iam.json");
    }

    @Test
    void refresh_maps_levels_resources_and_keys() {
        ActionCatalog catalog = refresher(server.url("/")).refresh(directory.resolve("catalog.json.gz"));

        ActionInfo startSession = catalog.action("ssm:StartSession").orElseThrow();
        assertThat(startSession.accessLevel()).isEqualTo(AccessLevel.WRITE);
        assertThat(startSession.resources()).extracting(ActionResource::name).containsExactly("document", "instance");
        assertThat(startSession.conditionKeys())
                .containsExactly("ssm:resourceTag/${TagKey}", "ssm:SessionDocumentAccessCheck");
        assertThat(catalog.action("ssm:DescribeSessions").orElseThrow().accessLevel()).isEqualTo(AccessLevel.LIST);
        assertThat(catalog.action("ssm:GetDocument").orElseThrow().accessLevel()).isEqualTo(AccessLevel.READ);
        assertThat(catalog.action("iam:PassRole").orElseThrow().accessLevel())
                .isEqualTo(AccessLevel.PERMISSIONS_MANAGEMENT);
        assertThat(catalog.service("ssm").orElseThrow().conditionKeyTypes())
                .containsEntry("ssm:SessionDocumentAccessCheck", "Bool");
        assertThat(catalog.supportsConditionKey(startSession, "ssm:resourceTag/Name")).isTrue();
    }

    @Test
    void refresh_takes_names_and_required_flags_from_fallback() {
        ActionCatalog catalog = refresher(server.url("/")).refresh(directory.resolve("catalog.json.gz"));

        assertThat(catalog.service("ssm").orElseThrow().name()).isEqualTo("AWS Systems Manager");
        assertThat(catalog.action("iam:PassRole").orElseThrow().resources().get(0).required()).isTrue();
        assertThat(catalog.action("ssm:StartSession").orElseThrow().resources()).noneMatch(ActionResource::required);
    }

    @Test
    void refresh_writes_header_with_source_and_time() {
        ActionCatalog catalog = refresher(server.url("/")).refresh(directory.resolve("catalog.json.gz"));

        assertThat(catalog.header().source()).isEqualTo("AWS service reference information, " + server.url("/"));
        assertThat(catalog.header().sourceVersion()).isEqualTo("2026-12-04");
        assertThat(catalog.header().generated()).isEqualTo("2026-12-04T12:00:00Z");
    }

    @Test
    void refreshed_catalogue_drives_validation() throws IOException {
        Path output = directory.resolve("catalog.json.gz");
        refresher(server.url("/")).refresh(output);
        PolicyValidator validator = new PolicyValidator(ActionCatalog.read(output));
        String json = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
                + " \"Action\": \"ssm:SendCommand\", \"Resource\": \"*\"}]}";

        List<Finding> findings = validator.validate(PolicyParser.identity().parse("p.json", json));

        assertThat(findings).extracting(Finding::code).containsExactly("unknown-action");
        assertThat(Files.size(output)).isPositive();
    }

    @Test
    void service_file_404_fails_without_writing() throws IOException {
        server.respond("/v1/iam/iam.json", 404, "missing", Duration.ZERO);
        Path output = directory.resolve("catalog.json.gz");
        Files.writeString(output, "previous catalogue");

        assertThatThrownBy(() -> refresher(server.url("/")).refresh(output))
                .isInstanceOf(CatalogException.class)
                .hasMessage("GET " + server.url("/v1/iam/iam.json") + " returned HTTP 404; expected 200 with service"
                        + " reference JSON, so no catalogue was written");
        assertThat(Files.readString(output)).isEqualTo("previous catalogue");
        assertThat(directory).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void index_500_fails_naming_the_url() {
        server.respond("/", 500, "internal error", Duration.ZERO);
        Path output = directory.resolve("catalog.json.gz");

        assertThatThrownBy(() -> refresher(server.url("/")).refresh(output))
                .isInstanceOf(CatalogException.class)
                .hasMessage("GET " + server.url("/") + " returned HTTP 500; expected 200 with service reference JSON,"
                        + " so no catalogue was written");
        assertThat(output).doesNotExist();
    }

    @Test
    void refused_connection_fails_naming_the_url() throws IOException {
        URI closed = closedPortUrl();
        Path output = directory.resolve("catalog.json.gz");

        assertThatThrownBy(() -> refresher(closed).refresh(output))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("cannot connect to " + closed + ": ")
                .hasMessageEndingWith("; check the base URL and the network");
        assertThat(output).doesNotExist();
    }

    @Test
    void slow_index_times_out() {
        // The index is the first request, so a slow index is the one that times out, however busy the machine is.
        server.respond("/", 200, "[]", Duration.ofSeconds(3));
        CatalogRefresher refresher = CatalogRefresher.builder()
                .baseUrl(server.url("/"))
                .requestTimeout(Duration.ofMillis(500))
                .clock(FIXED)
                .build();

        assertThatThrownBy(() -> refresher.refresh(directory.resolve("catalog.json.gz")))
                .isInstanceOf(CatalogException.class)
                .hasMessage("GET " + server.url("/") + " timed out: request timed out; check the network or try again"
                        + " later");
    }

    @Test
    void malformed_service_file_fails_naming_the_url() {
        server.serve("/v1/iam/iam.json", "{\"Actions\": []}");

        assertThatThrownBy(() -> refresher(server.url("/")).refresh(directory.resolve("catalog.json.gz")))
                .isInstanceOf(CatalogException.class)
                .hasMessage(server.url("/v1/iam/iam.json") + " is not a service reference file: \"Name\" is missing in"
                        + " {\"Actions\":[]}");
    }

    @Test
    void index_that_is_not_an_array_fails() {
        server.serve("/", "{\"services\": []}");

        assertThatThrownBy(() -> refresher(server.url("/")).refresh(directory.resolve("catalog.json.gz")))
                .isInstanceOf(CatalogException.class)
                .hasMessage(server.url("/") + " is not a service reference index: expected a non-empty array of"
                        + " {\"service\", \"url\"} entries");
    }

    private static CatalogRefresher refresher(URI baseUrl) {
        return CatalogRefresher.builder().baseUrl(baseUrl).clock(FIXED).build();
    }

    /** Returns a loopback URL on a port that was free a moment ago and has no listener now. */
    private static URI closedPortUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }
    }
}
