package dev.policyproof.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policyproof.engine.Decision;
import dev.policyproof.engine.cases.CaseEvaluator;
import dev.policyproof.engine.cases.CaseFileReader;
import dev.policyproof.engine.cases.EvaluationCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CaseGeneratorTest {

    @TempDir
    Path folder;

    @Test
    void same_seed_writes_same_file() throws IOException {
        // GIVEN two generators with one seed
        Path first = folder.resolve("first.jsonl");
        Path second = folder.resolve("second.jsonl");

        // WHEN both write 200 cases
        new CaseGenerator(7).write(first, 200);
        new CaseGenerator(7).write(second, 200);

        // THEN the files are identical
        assertThat(Files.readAllLines(second)).isEqualTo(Files.readAllLines(first));
    }

    @Test
    void cases_parse_and_cover_every_shape() throws IOException {
        // GIVEN a generated file
        Path file = folder.resolve("cases.jsonl");
        new CaseGenerator(1).write(file, 1_000);

        // WHEN the engine reads and evaluates every case
        List<EvaluationCase> cases = CaseFileReader.read(file);
        Set<String> topics = new TreeSet<>();
        Set<Decision> decisions = EnumSet.noneOf(Decision.class);
        for (EvaluationCase evaluationCase : cases) {
            topics.add(evaluationCase.topic());
            decisions.add(CaseEvaluator.evaluate(evaluationCase).decision());
        }

        // THEN every line is a case, every shape occurs, and every decision occurs
        assertThat(cases).hasSize(1_000);
        assertThat(topics)
                .containsExactlyInAnyOrder(
                        "identity-only",
                        "with-boundary",
                        "with-scps",
                        "resource-same-account",
                        "resource-cross-account");
        assertThat(decisions).containsExactlyInAnyOrder(Decision.values());
    }

    @ParameterizedTest
    @EnumSource(PolicySetShape.class)
    void benchmark_sets_allow_their_request(PolicySetShape shape) {
        // GIVEN the policy set that EvaluationBenchmark measures at 100 statements
        // WHEN its request is evaluated
        Decision decision = shape.build(100).evaluate(shape.request()).decision();

        // THEN it is allowed, as docs/benchmarks.md states
        assertThat(decision).isEqualTo(Decision.ALLOW);
    }
}
