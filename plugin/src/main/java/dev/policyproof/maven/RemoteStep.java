package dev.policyproof.maven;

import dev.policyproof.aws.Comparison;
import dev.policyproof.aws.FindingSeverity;
import dev.policyproof.aws.FindingsMessage;
import dev.policyproof.aws.PolicyDocument;
import dev.policyproof.aws.PolicySources;
import dev.policyproof.aws.RemoteChecks;
import dev.policyproof.aws.ValidationFinding;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.check.CheckOutcome;
import dev.policyproof.engine.check.CheckResult;
import dev.policyproof.engine.check.CheckSuite;
import dev.policyproof.engine.check.ChecksFile;
import dev.policyproof.engine.check.ChecksFile.PolicyGroup;
import dev.policyproof.engine.check.Expectation;
import dev.policyproof.engine.check.RequestExpectation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The remote counterparts of a checks file, with no Maven types: Access Analyzer validation of every policy file the
 * checks use, and the simulator's agreement with each {@code allows} and {@code denies} expectation. The mojo only
 * adapts the result.
 */
final class RemoteStep {

    static final String VALIDATION_CHECK = "Access Analyzer validation";
    static final String AGREEMENT_CHECK = "IAM policy simulator agrees: ";

    /**
     * The remote checks' results.
     *
     * @param outcomes one per validated file and per compared expectation, ready for the reports
     * @param notComparable one line per expectation the simulator cannot represent
     * @param inconclusive one line per expectation whose simulator call ran out of retries or time
     */
    record Result(List<CheckOutcome> outcomes, List<String> notComparable, List<String> inconclusive) {}

    private RemoteStep() {}

    /** Counts the remote checks {@link #run} would make: one per policy file, one per request expectation. */
    static int count(CheckSuite suite) {
        return policyFiles(suite.checksFile()).size() + (int) suite.entries().stream()
                .flatMap(entry -> entry.check().expectations().stream())
                .filter(RequestExpectation.class::isInstance)
                .count();
    }

    /**
     * Runs the remote checks.
     *
     * @throws dev.policyproof.aws.RemoteCheckException if a call fails for a reason retrying later will not fix
     */
    static Result run(CheckSuite suite, RemoteChecks remote, FindingSeverity threshold) {
        List<CheckOutcome> outcomes = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        policyFiles(suite.checksFile()).forEach((name, file) -> texts.put(name, PolicySources.readText(file)));
        texts.forEach((name, text) -> outcomes.add(validate(suite.checksFile(), name, text, remote, threshold)));
        List<String> notComparable = new ArrayList<>();
        List<String> inconclusive = new ArrayList<>();
        for (CheckSuite.Entry entry : suite.entries()) {
            compare(entry, texts, remote, outcomes, notComparable, inconclusive);
        }
        return new Result(outcomes, notComparable, inconclusive);
    }

    private static CheckOutcome validate(ChecksFile checksFile, String name, String text, RemoteChecks remote,
            FindingSeverity threshold) {
        long start = System.nanoTime();
        PolicyDocument document = new PolicyDocument(PolicyParser.forKind(kindOf(checksFile, name)).parse(name, text),
                text);
        List<ValidationFinding> findings = remote.accessAnalyzer().validate(document).findingsAtOrAbove(threshold);
        String description = VALIDATION_CHECK + " finds nothing at or above " + threshold;
        CheckResult result = findings.isEmpty()
                ? new CheckResult(description, true, 1, null)
                : new CheckResult(description, false, 1, FindingsMessage.render(name, threshold, findings));
        return new CheckOutcome(VALIDATION_CHECK, name, result, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void compare(CheckSuite.Entry entry, Map<String, String> texts, RemoteChecks remote,
            List<CheckOutcome> outcomes, List<String> notComparable, List<String> inconclusive) {
        List<RequestExpectation> expectations = new ArrayList<>();
        for (Expectation expectation : entry.check().expectations()) {
            if (expectation instanceof RequestExpectation request) {
                expectations.add(request);
            }
        }
        if (expectations.isEmpty()) {
            return;
        }
        // TODO: send template policies as their resolved JSON; until then their checks are not compared.
        List<String> fromTemplates = templatePolicyNames(entry.policies(), texts);
        if (!fromTemplates.isEmpty()) {
            notComparable.add(entry.check().name() + ": " + String.join(", ", fromTemplates) + " comes from a "
                    + "CloudFormation template, whose policies are not sent to AWS");
            return;
        }
        PolicySources sources = PolicySources.of(entry.policies(), texts);
        long start = System.nanoTime();
        List<Request> requests = expectations.stream().map(RequestExpectation::request).toList();
        List<Comparison> comparisons = remote.comparator().compareAll(sources, requests);
        Duration each = Duration.ofNanos((System.nanoTime() - start) / requests.size());
        for (int i = 0; i < comparisons.size(); i++) {
            Comparison comparison = comparisons.get(i);
            String description = AGREEMENT_CHECK + expectations.get(i).description();
            String check = entry.check().name();
            switch (comparison.verdict()) {
                case AGREE -> outcomes.add(new CheckOutcome(check, entry.policies().name(),
                        new CheckResult(description, true, 1, null), each));
                case DISAGREE -> outcomes.add(new CheckOutcome(check, entry.policies().name(),
                        new CheckResult(description, false, 1, comparison.describe(check)), each));
                case NOT_COMPARABLE -> notComparable.add(check + ": " + expectations.get(i).description()
                        + ": " + comparison.reason());
                case INCONCLUSIVE -> inconclusive.add(check + ": " + expectations.get(i).description() + ": "
                        + comparison.reason());
            }
        }
    }

    /** Returns the names of the set's policies that were read from a template, so no file text exists for them. */
    private static List<String> templatePolicyNames(dev.policyproof.engine.PolicySet set, Map<String, String> texts) {
        List<dev.policyproof.engine.Policy> policies = new ArrayList<>(set.identityPolicies());
        set.resourcePolicy().ifPresent(policies::add);
        set.permissionsBoundary().ifPresent(policies::add);
        return policies.stream().map(dev.policyproof.engine.Policy::name).filter(name -> !texts.containsKey(name))
                .toList();
    }

    /** Maps each policy file the checks use, by its display name, which also names it in policy sets. */
    private static Map<String, Path> policyFiles(ChecksFile checksFile) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (ChecksFile.Check check : checksFile.checks()) {
            for (String id : check.allPolicyIds()) {
                PolicyGroup group = checksFile.policies().get(id);
                if (group.fromTemplate()) {
                    continue;
                }
                for (int i = 0; i < group.files().size(); i++) {
                    files.putIfAbsent(group.displayNames().get(i), group.files().get(i));
                }
            }
        }
        return files;
    }

    private static PolicyKind kindOf(ChecksFile checksFile, String displayName) {
        return checksFile.policies().values().stream()
                .filter(group -> group.displayNames().contains(displayName))
                .map(PolicyGroup::kind)
                .findFirst()
                .orElseThrow();
    }
}
