package dev.policyproof.engine.check;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyParseException;
import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.Problem;
import dev.policyproof.engine.check.ChecksFile.Check;
import dev.policyproof.engine.check.ChecksFile.PolicyGroup;
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
     * Parses the identity policies that {@code checksFile}'s checks use. Problems in all files are reported together.
     *
     * @throws PolicyParseException if a policy file is not a valid identity policy
     * @throws UncheckedIOException if a policy file cannot be read
     */
    public static CheckSuite load(ChecksFile checksFile) {
        Map<Path, Policy> parsed = parseUsedFiles(checksFile);
        Map<List<String>, PolicySet> sets = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Check check : checksFile.checks()) {
            PolicySet set = sets.computeIfAbsent(check.policyIds(), ids -> PolicySet.named(
                    check.policySetName(), policiesOf(checksFile, ids, parsed)));
            entries.add(new Entry(check, set));
        }
        return new CheckSuite(checksFile, entries, sets.size(), parsed.size());
    }

    private static Map<Path, Policy> parseUsedFiles(ChecksFile checksFile) {
        Map<Path, String> names = new LinkedHashMap<>();
        for (Check check : checksFile.checks()) {
            for (String id : check.policyIds()) {
                PolicyGroup group = checksFile.policies().get(id);
                for (int i = 0; i < group.files().size(); i++) {
                    names.putIfAbsent(group.files().get(i), group.displayNames().get(i));
                }
            }
        }
        Map<Path, Policy> parsed = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<Path, String> file : names.entrySet()) {
            try {
                parsed.put(file.getKey(), PolicyParser.identity().parse(file.getValue(), readText(file.getKey())));
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
        return ids.stream()
                .flatMap(id -> checksFile.policies().get(id).files().stream())
                .distinct()
                .map(parsed::get)
                .toList();
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
