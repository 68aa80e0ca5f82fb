package dev.policyproof.cli;

import static dev.policyproof.cli.CliRun.CASES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCasesTest {

    private static final String SMALL = CASES + "small.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writes_one_line_per_case_in_order() throws IOException {
        // WHEN
        CliRun run = CliRun.of("evaluate", "--cases", SMALL);

        // THEN each line is one compact outcome, in the order of the file
        List<JsonNode> lines = parse(run.outLines());
        assertThat(run.exitCode()).isZero();
        assertThat(lines).extracting(line -> line.get("id").asText()).containsExactly(
                "read-report", "payroll-denied", "delete-expected-wrongly", "naive-shell", "tunnel-only-port-forward");
        assertThat(lines).extracting(line -> line.get("decision").asText())
                .containsExactly("Allowed", "ExplicitDeny", "ImplicitDeny", "Allowed", "Allowed");
        assertThat(run.outLines()).allSatisfy(line -> assertThat(line).doesNotContain("\n", "  "));
    }

    @Test
    void session_case_is_authorized_as_session() throws IOException {
        List<JsonNode> lines = parse(CliRun.of("evaluate", "--cases", SMALL).outLines());

        JsonNode shell = lines.get(3).get("explanation");
        JsonNode tunnel = lines.get(4).get("explanation");
        assertThat(shell.get("documentNamed").asBoolean()).isFalse();
        assertThat(shell.get("defaultShellGrantedImplicitly").asBoolean()).isTrue();
        assertThat(tunnel.get("documentNamed").asBoolean()).isTrue();
        assertThat(tunnel.get("documentEvaluation").get("decision").asText()).isEqualTo("ALLOW");
    }

    @Test
    void expected_field_copied_when_present() throws IOException {
        List<JsonNode> lines = parse(CliRun.of("evaluate", "--cases", SMALL).outLines());

        assertThat(lines.get(2).get("expected").asText()).isEqualTo("Allowed");
        assertThat(lines.get(4).has("expected")).isFalse();
    }

    @Test
    void summary_counts_agreeing_cases() {
        CliRun run = CliRun.of("evaluate", "--cases", SMALL);

        assertThat(run.errLines()).containsExactly(
                "5 cases evaluated: 3 agree, 1 differs (delete-expected-wrongly), 1 has no expected decision");
    }

    @Test
    void output_option_writes_cases(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("outcomes.jsonl");

        CliRun run = CliRun.of("evaluate", "--cases", SMALL, "--output", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).isEqualTo(CliRun.of("evaluate", "--cases", SMALL)
                .outLines());
    }

    @Test
    void streams_ten_thousand_cases(@TempDir Path directory) throws IOException {
        // GIVEN 10,000 cases, copied from the small file's first line with new ids
        String template = Files.readAllLines(Path.of(SMALL), StandardCharsets.UTF_8).get(0);
        Path cases = directory.resolve("many.jsonl");
        try (BufferedWriter writer = Files.newBufferedWriter(cases, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= 10_000; i++) {
                writer.write(template.replace("\"read-report\"", "\"case-" + i + "\""));
                writer.newLine();
            }
        }
        Path output = directory.resolve("outcomes.jsonl");

        // WHEN
        CliRun run = CliRun.of("evaluate", "--cases", cases.toString(), "--output", output.toString());

        // THEN every case has its line, in input order
        assertThat(run.exitCode()).isZero();
        assertThat(run.errLines()).containsExactly("10000 cases evaluated: 10000 agree, 0 differ");
        try (Stream<String> lines = Files.lines(output, StandardCharsets.UTF_8)) {
            List<String> ids = lines.map(line -> readId(line)).toList();
            assertThat(ids).hasSize(10_000);
            assertThat(ids.get(0)).isEqualTo("case-1");
            assertThat(ids.get(9_999)).isEqualTo("case-10000");
        }
    }

    private static String readId(String line) {
        try {
            return JSON.readTree(line).get("id").asText();
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    private static List<JsonNode> parse(List<String> lines) throws IOException {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : lines) {
            parsed.add(JSON.readTree(line));
        }
        return parsed;
    }
}
