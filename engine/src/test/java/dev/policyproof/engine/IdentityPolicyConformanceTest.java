package dev.policyproof.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of {@code conformance/identity-policies.jsonl} through the evaluator. Each line holds one policy (or
 * several), one request, the expected decision, the Sids of the statements expected to decide it, and the title of
 * the AWS documentation page that states the rule the case checks.
 */
class IdentityPolicyConformanceTest {

    private static final Path CORPUS = Path.of("src/test/resources/conformance/identity-policies.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The pages cases may cite, so that a misspelled title fails instead of pointing nowhere. */
    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("Policy evaluation logic",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html"),
            Map.entry("The difference between explicit and implicit denies",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html"),
            Map.entry("IAM JSON policy elements: Action",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html"),
            Map.entry("IAM JSON policy elements: NotAction",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html"),
            Map.entry("IAM JSON policy elements: Resource",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html"),
            Map.entry("IAM JSON policy elements: NotResource",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html"),
            Map.entry("IAM JSON policy elements: Condition",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html"),
            Map.entry("IAM JSON policy elements: Condition operators",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html"),
            Map.entry("Create a condition with multiple context keys or values",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html"),
            Map.entry("IAM policy elements: Variables and tags",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html"),
            Map.entry("IAM JSON policy elements: Version",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html"),
            Map.entry("Actions, resources, and condition keys for AWS Systems Manager",
                    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssystemsmanager.html"),
            Map.entry("Additional sample IAM policies for Session Manager",
                    "https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-restrict-access-examples.html"));

    /** One line of the corpus; its string form is the test's display name. */
    record Case(String id, String source, JsonNode node) {
        @Override
        public String toString() {
            return id + " [" + source + "]";
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String line : readLines()) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = readTree(line);
            cases.add(new Case(node.path("id").asText(), node.path("source").asText(), node));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides_as_documented(Case testCase) {
        // GIVEN the case's policies and request
        PolicySet policies = PolicySet.of(policies(testCase));
        Request request = request(testCase.node().path("request"));

        // WHEN the engine evaluates the request
        EvaluationResult result = policies.evaluate(request);

        // THEN the decision and the deciding statements are the documented ones
        assertThat(result.decision())
                .as("decision of %s", testCase.id())
                .isEqualTo(Decision.valueOf(testCase.node().path("decision").asText()));
        assertThat(decidingSids(result))
                .as("Sids of the deciding statements of %s", testCase.id())
                .containsExactlyElementsOf(strings(testCase.node().path("decidedBy")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cites_a_known_page(Case testCase) {
        assertThat(SOURCES).as("source page of %s", testCase.id()).containsKey(testCase.source());
    }

    @Test
    void corpus_is_large_and_ids_unique() {
        List<String> ids = cases().map(Case::id).toList();

        assertThat(ids).hasSizeGreaterThanOrEqualTo(120);
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void corpus_covers_every_decision() {
        List<String> decisions = cases().map(c -> c.node().path("decision").asText()).toList();

        assertThat(decisions).contains("ALLOW");
        assertThat(decisions).contains("EXPLICIT_DENY");
        assertThat(decisions).contains("IMPLICIT_DENY");
    }

    private static List<Policy> policies(Case testCase) {
        JsonNode node = testCase.node();
        List<JsonNode> documents = new ArrayList<>();
        if (node.has("policies")) {
            node.path("policies").forEach(documents::add);
        } else {
            documents.add(node.path("policy"));
        }
        List<Policy> policies = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            String name = testCase.id() + "-" + (i + 1) + ".json";
            policies.add(PolicyParser.identity().parse(name, documents.get(i).toString()));
        }
        return policies;
    }

    private static Request request(JsonNode node) {
        Request.Builder request = Request.of(node.path("action").asText(), node.path("resource").asText());
        RequestContext.Builder context = RequestContext.builder();
        node.path("context").fields().forEachRemaining(entry -> {
            if (entry.getValue().isArray()) {
                context.putAll(entry.getKey(), strings(entry.getValue()));
            } else {
                context.put(entry.getKey(), entry.getValue().asText());
            }
        });
        node.path("resourceTags").fields().forEachRemaining(
                entry -> request.resourceTag(entry.getKey(), entry.getValue().asText()));
        return request.context(context.build()).build();
    }

    private static List<String> decidingSids(EvaluationResult result) {
        return result.decidingStatements().stream()
                .map(statement -> statement.statement().sid().orElse("(no Sid)"))
                .toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> readLines() {
        try {
            return Files.readAllLines(CORPUS, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readTree(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("invalid corpus line: " + line, e);
        }
    }
}
