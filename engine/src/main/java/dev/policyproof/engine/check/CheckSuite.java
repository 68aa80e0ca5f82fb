package dev.policyproof.engine.check;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyParseException;
import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.Problem;
import dev.policyproof.engine.check.ChecksFile.Check;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.check.ChecksFile.PolicyGroup;
import dev.policyproof.engine.check.ChecksFile.PolicyRoles;
import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A checks file with its policies parsed: each check paired with the {@link PolicySet} it evaluates. Each policy file
 * is parsed once, however many ids and checks use it, and checks on the same ids share one policy set.
 */
public final class CheckSuite {

    private final ChecksFile checksFile;
    private final List<Entry> entries;
    private final int policySetCount;
    private final int policyFileCount;

    private CheckSuite(ChecksFile checksFile, List<Entry> entries, int policySetCount, int policyFileCount) {
        this.checksFile = checksFile;
        this.entries = List.copyOf(entries);
        this.policySetCount = policySetCount;
        this.policyFileCount = policyFileCount;
    }

    /** A check and the policies it evaluates. */
    public record Entry(Check check, PolicySet policies) {

        public Entry {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(policies, "policies");
        }
    }

    /**
     * Parses the policies that {@code checksFile}'s checks use, each by its declared kind. Problems in all files are reported together.
     *
     * @throws PolicyParseException if a policy file is not a valid identity policy
     * @throws UncheckedIOException if a policy file cannot be read
     */
    public static CheckSuite load(ChecksFile checksFile) {
        Map<Path, Policy> parsed = parseUsedFiles(checksFile);
        Map<List<Object>, PolicySet> sets = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Check check : checksFile.checks()) {
            PolicySet set = sets.computeIfAbsent(
                    List.of(check.policyIds(), check.roles()), key -> policySet(checksFile, check, parsed));
            entries.add(new Entry(check, set));
        }
        return new CheckSuite(checksFile, entries, sets.size(), parsed.size() + templateFiles(checksFile));
    }

    private static PolicySet policySet(ChecksFile checksFile, Check check, Map<Path, Policy> parsed) {
        PolicyRoles roles = check.roles();
        PolicySet.Builder set = PolicySet.builder()
                .name(check.policySetName())
                .identity(policiesOf(checksFile, check.policyIds(), parsed))
                .resourcePolicy(single(checksFile, roles.resourcePolicy(), parsed))
                .permissionsBoundary(single(checksFile, roles.permissionsBoundary(), parsed))
                .sessionPolicy(single(checksFile, roles.sessionPolicy(), parsed))
                .vpcEndpointPolicy(single(checksFile, roles.vpcEndpointPolicy(), parsed))
                .scpLevels(roles.scpLevels().stream().map(ids -> policiesOf(checksFile, ids, parsed)).toList())
                .rcpLevels(roles.rcpLevels().stream().map(ids -> policiesOf(checksFile, ids, parsed)).toList());
        return set.build();
    }

    /** Returns the one policy of a role; the reader made sure the id exists, and a role takes one file. */
    private static @Nullable Policy single(ChecksFile checksFile, @Nullable String id, Map<Path, Policy> parsed) {
        if (id == null) {
            return null;
        }
        List<Policy> policies = policiesOf(checksFile, List.of(id), parsed);
        if (policies.size() != 1) {
            throw new IllegalArgumentException("policy \"" + id + "\" selects " + policies.size()
                    + " files, but a resource policy, boundary, session policy or VPC endpoint policy is one file");
        }
        return policies.get(0);
    }

    /** Counts the distinct templates whose policies the checks use, which {@link #parseUsedFiles} skips. */
    private static int templateFiles(ChecksFile checksFile) {
        return (int) checksFile.checks().stream()
                .flatMap(check -> check.allPolicyIds().stream())
                .map(checksFile.policies()::get)
                .filter(PolicyGroup::fromTemplate)
                .flatMap(group -> group.files().stream())
                .distinct()
                .count();
    }

    private static Map<Path, Policy> parseUsedFiles(ChecksFile checksFile) {
        Map<Path, String> names = new LinkedHashMap<>();
        Map<Path, PolicyKind> kinds = new LinkedHashMap<>();
        for (Check check : checksFile.checks()) {
            for (String id : check.allPolicyIds()) {
                PolicyGroup group = checksFile.policies().get(id);
                if (group.fromTemplate()) {
                    continue;
                }
                for (int i = 0; i < group.files().size(); i++) {
                    names.putIfAbsent(group.files().get(i), group.displayNames().get(i));
                    kinds.putIfAbsent(group.files().get(i), group.kind());
                }
            }
        }
        Map<Path, Policy> parsed = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<Path, String> file : names.entrySet()) {
            try {
                PolicyParser parser = PolicyParser.forKind(kinds.get(file.getKey()));
                parsed.put(file.getKey(), parser.parse(file.getValue(), readText(file.getKey())));
            } catch (PolicyParseException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyParseException(problems);
        }
        return parsed;
    }

    private static List<Policy> policiesOf(ChecksFile checksFile, List<String> ids, Map<Path, Policy> parsed) {
        List<Policy> policies = new ArrayList<>();
        for (String id : ids) {
            PolicyGroup group = checksFile.policies().get(id);
            List<Policy> selected = group.fromTemplate()
                    ? group.templatePolicies()
                    : group.files().stream().map(parsed::get).toList();
            selected.stream().filter(policy -> !policies.contains(policy)).forEach(policies::add);
        }
        return List.copyOf(policies);
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy file " + file + ": " + e.getMessage(), e);
        }
    }

    public ChecksFile checksFile() {
        return checksFile;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Returns the number of distinct policy sets, one per distinct list of policy ids. */
    public int policySetCount() {
        return policySetCount;
    }

    /** Returns the number of distinct policy files the checks use. */
    public int policyFileCount() {
        return policyFileCount;
    }
}
