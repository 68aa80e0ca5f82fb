package dev.policyproof.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.policyproof.engine.check.CheckSuite;
import dev.policyproof.engine.check.ChecksFileReader;
import dev.policyproof.engine.check.SuiteResult;
import dev.policyproof.engine.check.SuiteRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A repository with the project in a subdirectory, so URIs must be relative to the repository, not the project. */
    @TempDir
    Path repository;

    private Path project;

    @BeforeEach
    void createProject() throws IOException {
        project = Files.createDirectories(repository.resolve("infra/bastion"));
        Files.createDirectories(project.resolve("iam"));
        Files.copy(Path.of("src/test/resources/policies/naive-engineer.json"), project.resolve("iam/engineer.json"));
        Files.writeString(project.resolve("checks.yaml"), """
                policies:
                  engineer: {files: [iam/engineer.json]}
                checks:
                  - name: engineer gets no shell
                    policies: [engineer]
                    expect:
                      - allowsStartSession:
                          onlyWithDocument: [AWS-StartPortForwardingSessionToRemoteHost]
                      - denies: {action: ssm:SendCommand, resource: "*"}
                  - name: engineer never ends sessions
                    policies: [engineer]
                    severity: warning
                    expect:
                      - allowsStartSession:
                          onlyForTag: {key: Name, value: other-host}
                        suppress: {reason: the tag moves in the next release, expires: 2026-12-31}
                """);
    }

    private SuiteResult run() {
        ChecksFileReader reader = ChecksFileReader.relativeTo(project).today(LocalDate.of(2026, 6, 1));
        return SuiteRunner.run(CheckSuite.load(reader.read(project.resolve("checks.yaml"))));
    }

    private JsonNode sarif() throws IOException {
        Path file = repository.resolve(SarifReport.FILE_NAME);
        SarifReport.write(run(), new SarifReport.Sources(repository, project, "1.2.3"), file);
        return MAPPER.readTree(file.toFile());
    }

    private static Schema officialSchema() throws IOException {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
    }

    @Test
    void report_is_valid_against_official_schema() throws IOException {
        List<Error> errors = officialSchema().validate(sarif());

        assertThat(errors).isEmpty();
    }

    @Test
    void schema_rejects_a_result_without_message() throws IOException {
        JsonNode log = sarif();
        ((com.fasterxml.jackson.databind.node.ObjectNode) log.path("runs").get(0).path("results").get(0))
                .remove("message");

        List<Error> errors = officialSchema().validate(log);

        assertThat(errors).isNotEmpty();
    }

    @Test
    void driver_names_tool_and_every_rule() throws IOException {
        JsonNode driver = sarif().path("runs").get(0).path("tool").path("driver");

        assertThat(driver.path("name").asText()).isEqualTo("policyproof");
        assertThat(driver.path("version").asText()).isEqualTo("1.2.3");
        assertThat(driver.has("informationUri")).isFalse();
        assertThat(driver.path("rules").findValuesAsText("id")).containsExactly("PP-ALLOWS", "PP-DENIES",
                "PP-SESSION-ALLOWED", "PP-SESSION-DOCUMENTS", "PP-SESSION-TAG", "PP-GRANTS-ONLY", "PP-NEVER-ALLOWS",
                "PP-NO-NEW-ACCESS", "PP-NOT-PUBLIC", "PP-NO-SHELL", "PP-OWN-SESSIONS", "PP-CHECK");
    }

    @Test
    void result_points_at_deciding_statement_relative_to_repository() throws IOException {
        JsonNode result = sarif().path("runs").get(0).path("results").get(0);

        assertThat(result.path("ruleId").asText()).isEqualTo("PP-SESSION-DOCUMENTS");
        assertThat(result.path("ruleIndex").asInt()).isEqualTo(3);
        assertThat(result.path("level").asText()).isEqualTo("error");
        assertThat(result.path("message").path("text").asText()).startsWith("[engineer gets no shell]");
        JsonNode physical = result.path("locations").get(0).path("physicalLocation");
        assertThat(physical.path("artifactLocation").path("uri").asText()).isEqualTo("infra/bastion/iam/engineer.json");
        assertThat(physical.path("artifactLocation").path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(physical.path("region").path("startLine").asInt()).isEqualTo(4);
    }

    @Test
    void suppressed_warning_carries_justification() throws IOException {
        JsonNode results = sarif().path("runs").get(0).path("results");

        assertThat(results).hasSize(2);
        JsonNode suppressed = results.get(1);
        assertThat(suppressed.path("level").asText()).isEqualTo("warning");
        assertThat(suppressed.path("suppressions").get(0).path("kind").asText()).isEqualTo("external");
        assertThat(suppressed.path("suppressions").get(0).path("justification").asText())
                .isEqualTo("the tag moves in the next release");
    }

    @Test
    void fingerprint_is_stable_across_runs_and_lines() throws IOException {
        String first = sarif().path("runs").get(0).path("results").get(0).path("partialFingerprints")
                .path(SarifReport.FINGERPRINT_KEY).asText();
        Files.writeString(project.resolve("iam/engineer.json"), "\n\n" + Files.readString(project.resolve(
                "iam/engineer.json")));

        JsonNode moved = sarif().path("runs").get(0).path("results").get(0);

        assertThat(first).hasSize(64);
        assertThat(moved.path("partialFingerprints").path(SarifReport.FINGERPRINT_KEY).asText()).isEqualTo(first);
        assertThat(moved.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt())
                .isEqualTo(6);
    }

    @Test
    void relative_uri_escapes_spaces() {
        assertThat(SarifReport.relativeUri(Path.of("iam policies", "engineer.json")))
                .isEqualTo("iam%20policies/engineer.json");
    }
}
