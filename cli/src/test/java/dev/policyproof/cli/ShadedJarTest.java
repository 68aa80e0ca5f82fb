package dev.policyproof.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the fat jar in a child JVM, as {@code bin/policyproof} does. The build runs this class in the {@code package}
 * phase, after the shade goal has written the jar, and passes its path in {@code policyproof.cli.jar}.
 */
class ShadedJarTest {

    private static Path jar;

    @BeforeAll
    static void findJar() {
        String path = System.getProperty("policyproof.cli.jar");
        // Skipped only where nothing has built the jar, such as an IDE run of this class alone.
        assumeTrue(path != null && Files.isRegularFile(Path.of(path)), "the fat jar is not built: " + path);
        jar = Path.of(path);
    }

    @Test
    void jar_evaluates_cases_file() throws Exception {
        Result result = runJar("evaluate", "--cases", CliRun.CASES + "small.jsonl");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).hasSize(5);
        assertThat(result.out().lines().findFirst().orElseThrow()).startsWith("{\"id\":\"read-report\"");
        assertThat(result.err().strip()).startsWith("5 cases evaluated: 3 agree");
    }

    @Test
    void jar_exits_2_on_broken_policy() throws Exception {
        Result result = runJar("evaluate", "--policy", CliRun.POLICIES + "broken-effect.json",
                "--action", "s3:GetObject", "--resource", "*");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("Invalid policy: " + CliRun.POLICIES + "broken-effect.json:6:17");
    }

    @Test
    void jar_prints_version() throws Exception {
        Result result = runJar("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).startsWith("policyproof ");
    }

    private record Result(int exitCode, String out, String err) {}

    private static Result runJar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        // The outputs are small, so reading them one after the other cannot block on a full pipe.
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("jar exits within 60 seconds").isTrue();
        return new Result(process.exitValue(), out, err);
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
