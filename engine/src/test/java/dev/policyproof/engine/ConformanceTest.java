package dev.policyproof.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policyproof.engine.cases.CaseEvaluator;
import dev.policyproof.engine.cases.CaseFileReader;
import dev.policyproof.engine.cases.EvaluationCase;
import dev.policyproof.engine.ssm.SessionAuthorizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of {@code conformance/*.jsonl} through {@link CaseFileReader} and {@link CaseEvaluator}. Each line
 * contains the policies, one request, the expected decision, the Sids of the statements expected to decide it, and the
 * title of the AWS documentation page that states the rule the case checks. Each file contains one topic and is named after it.
 */
class ConformanceTest {

    private static final Path CORPUS = Path.of("src/test/resources/conformance");

    private static final String IAM = "https://docs.aws.amazon.com/IAM/latest/UserGuide/";
    private static final String SSM = "https://docs.aws.amazon.com/systems-manager/latest/userguide/";

    /** The pages cases may cite, so that a misspelled title fails instead of pointing nowhere. */
    static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("Policy evaluation logic", IAM + "reference_policies_evaluation-logic.html"),
            Map.entry("How AWS enforcement code logic evaluates requests to allow or deny access",
                    IAM + "reference_policies_evaluation-logic_policy-eval-denyallow.html"),
            Map.entry("Policy evaluation for requests within a single account",
                    IAM + "reference_policies_evaluation-logic_policy-eval-basics.html"),
            Map.entry("Cross-account policy evaluation logic",
                    IAM + "reference_policies_evaluation-logic-cross-account.html"),
            Map.entry("The difference between explicit and implicit denies",
                    IAM + "reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html"),
            Map.entry("Permissions boundaries for IAM entities", IAM + "access_policies_boundaries.html"),
            Map.entry("IAM JSON policy elements: Principal", IAM + "reference_policies_elements_principal.html"),
            Map.entry("IAM JSON policy elements: NotPrincipal", IAM + "reference_policies_elements_notprincipal.html"),
            Map.entry("IAM JSON policy elements: Action", IAM + "reference_policies_elements_action.html"),
            Map.entry("IAM JSON policy elements: NotAction", IAM + "reference_policies_elements_notaction.html"),
            Map.entry("IAM JSON policy elements: Resource", IAM + "reference_policies_elements_resource.html"),
            Map.entry("IAM JSON policy elements: NotResource", IAM + "reference_policies_elements_notresource.html"),
            Map.entry("IAM JSON policy elements: Condition", IAM + "reference_policies_elements_condition.html"),
            Map.entry("IAM JSON policy elements: Condition operators",
                    IAM + "reference_policies_elements_condition_operators.html"),
            Map.entry("Create a condition with multiple context keys or values",
                    IAM + "reference_policies_condition-logic-multiple-context-keys-or-values.html"),
            Map.entry("Single-valued vs. multivalued context keys",
                    IAM + "reference_policies_condition-single-vs-multi-valued-context-keys.html"),
            Map.entry("AWS global condition context keys", IAM + "reference_policies_condition-keys.html"),
            Map.entry("IAM policy elements: Variables and tags", IAM + "reference_policies_variables.html"),
            Map.entry("IAM JSON policy elements: Version", IAM + "reference_policies_elements_version.html"),
            Map.entry("Service control policies (SCPs)",
                    "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html"),
            Map.entry("Resource control policies (RCPs)",
                    "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html"),
            Map.entry("Control access to VPC endpoints using endpoint policies",
                    "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html"),
            Map.entry("Key policies in AWS KMS", "https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html"),
            Map.entry("Actions, resources, and condition keys for AWS Systems Manager",
                    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssystemsmanager.html"),
            Map.entry("Enforce a session document permission check for the AWS CLI",
                    SSM + "getting-started-sessiondocumentaccesscheck.html"),
            Map.entry("Start a session with a document by specifying the session documents in IAM policies",
                    SSM + "getting-started-specify-session-document.html"),
            Map.entry("Additional sample IAM policies for Session Manager",
                    SSM + "getting-started-restrict-access-examples.html"));

    /** One case and the file it came from. Its string form is the test's display name. */
    record Entry(String file, EvaluationCase evaluationCase) {
        String id() {
            return evaluationCase.id();
        }

        @Override
        public String toString() {
            return evaluationCase.id() + " [" + evaluationCase.source() + "]";
        }
    }

    static Stream<Entry> cases() {
        List<Entry> entries = new ArrayList<>();
        for (Path file : corpusFiles()) {
            String name = file.getFileName().toString();
            CaseFileReader.read(file).forEach(evaluationCase -> entries.add(new Entry(name, evaluationCase)));
        }
        return entries.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides_as_documented(Entry entry) {
        // GIVEN a case with its expected decision
        EvaluationCase evaluationCase = entry.evaluationCase();
        assertThat(evaluationCase.expectedDecision()).as("expected decision of %s", entry.id()).isPresent();

        // WHEN the engine evaluates it
        CaseEvaluator.Outcome outcome = CaseEvaluator.evaluate(evaluationCase);

        // THEN the decision is the documented one, and so are the deciding statements when the case names them
        assertThat(outcome.decision())
                .as("decision of %s:%n%s", entry.id(), outcome.text())
                .isEqualTo(evaluationCase.expected());
        if (!evaluationCase.decidedBy().isEmpty()) {
            assertThat(decidingSids(evaluationCase))
                    .as("Sids of the statements deciding %s", entry.id())
                    .containsExactlyElementsOf(evaluationCase.decidedBy());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cites_a_known_page(Entry entry) {
        assertThat(SOURCES).as("source page of %s", entry.id()).containsKey(entry.evaluationCase().source());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sits_in_the_file_of_its_topic(Entry entry) {
        assertThat(entry.evaluationCase().topic() + ".jsonl").as("topic of %s", entry.id()).isEqualTo(entry.file());
    }

    @Test
    void corpus_is_large_and_ids_unique() {
        List<String> ids = cases().map(Entry::id).toList();

        assertThat(ids).hasSizeGreaterThanOrEqualTo(400);
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void corpus_covers_every_decision() {
        List<Decision> decisions = cases().map(entry -> entry.evaluationCase().expected()).toList();

        assertThat(decisions).contains(Decision.ALLOW);
        assertThat(decisions).contains(Decision.EXPLICIT_DENY);
        assertThat(decisions).contains(Decision.IMPLICIT_DENY);
    }

    @Test
    void corpus_covers_every_policy_type() {
        assertThat(countCases(set -> !set.identityPolicies().isEmpty())).as("identity").isPositive();
        assertThat(countCases(set -> set.resourcePolicy().filter(p -> p.kind() == PolicyKind.RESOURCE).isPresent()))
                .as("resource")
                .isPositive();
        assertThat(countCases(set -> set.resourcePolicy().filter(p -> p.kind() == PolicyKind.TRUST).isPresent()))
                .as("role trust")
                .isPositive();
        assertThat(countCases(set -> set.permissionsBoundary().isPresent())).as("boundary").isPositive();
        assertThat(countCases(set -> set.sessionPolicy().isPresent())).as("session").isPositive();
        assertThat(countCases(set -> !set.scpLevels().isEmpty())).as("SCP").isPositive();
        assertThat(countCases(set -> !set.rcpLevels().isEmpty())).as("RCP").isPositive();
        assertThat(countCases(set -> set.vpcEndpointPolicy().isPresent())).as("VPC endpoint").isPositive();
    }

    @Test
    void corpus_covers_sessions_with_and_without_document() {
        List<EvaluationCase> sessions = cases()
                .map(Entry::evaluationCase)
                .filter(evaluationCase -> evaluationCase.session() != null)
                .toList();

        assertThat(sessions).anyMatch(session -> session.session().document().isPresent());
        assertThat(sessions).anyMatch(session -> session.session().document().isEmpty());
    }

    private static long countCases(Predicate<PolicySet> test) {
        return cases().filter(entry -> test.test(entry.evaluationCase().policies())).count();
    }

    private static List<String> decidingSids(EvaluationCase evaluationCase) {
        List<StatementResult> deciding = evaluationCase.session() != null
                ? new SessionAuthorizer(evaluationCase.policies()).authorize(evaluationCase.session())
                        .decidingStatements()
                : evaluationCase.policies().evaluate(evaluationCase.request()).decidingStatements();
        return deciding.stream()
                .map(statement -> statement.statement().sid().orElse("(no Sid)"))
                .toList();
    }

    private static List<Path> corpusFiles() {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("failed to list the cases directory " + CORPUS, e);
        }
    }
}
