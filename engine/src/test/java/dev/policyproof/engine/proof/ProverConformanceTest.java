package dev.policyproof.engine.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policyproof.engine.Decision;
import dev.policyproof.engine.cases.CaseFileReader;
import dev.policyproof.engine.cases.EvaluationCase;
import dev.policyproof.engine.proof.Answer.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the prover on every conformance case that the evaluator allows: asked whether any request for the case's
 * action, resource and principal is allowed, in any context, it must find one or say it cannot decide, never prove
 * that there is none. This ties the prover's combination of policy types to the one the cases pin down.
 */
class ProverConformanceTest {

    private static final Path CORPUS = Path.of("src/test/resources/conformance");

    static Stream<EvaluationCase> allowedCases() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(file -> file.toString().endsWith(".jsonl"))
                    .sorted()
                    .toList()
                    .stream()
                    .flatMap(file -> CaseFileReader.read(file).stream())
                    .filter(c -> c.session() == null)
                    .filter(c -> c.request().principal().isPresent())
                    .filter(c -> c.expected() == Decision.ALLOW);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedCases")
    void prover_finds_allowed_case(EvaluationCase allowed) {
        Scope scope = Scope.actions(allowed.request().action())
                .withResources(escape(allowed.request().resource()))
                .withPrincipals(List.of(allowed.request().principal().orElseThrow()))
                .withResourceAccount(allowed.request().resourceAccount().orElse(null));

        Answer answer = PolicyAnalyzer.of(allowed.policies()).findAllowed(scope);

        assertThat(answer.status()).as(allowed.id()).isIn(Status.FOUND, Status.UNKNOWN);
    }

    /**
     * Returns the resource as a scope pattern. Case resources are literal, so a literal {@code *} or {@code ?} widens
     * the scope, which only makes "none" harder to prove and keeps the check sound.
     */
    private static String escape(String resource) {
        return resource;
    }
}
