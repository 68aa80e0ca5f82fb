package dev.policyproof.aws;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy set with the exact text of each policy, keyed by policy name. The engine keeps no source text, and remote
 * services must receive the text as written, so that the line numbers they return match the file.
 *
 * @since 0.1.0
 */
public final class PolicySources {

    private final PolicySet policies;
    private final Map<String, String> texts;

    private PolicySources(PolicySet policies, Map<String, String> texts) {
        this.policies = policies;
        this.texts = Map.copyOf(texts);
    }

    /**
     * Pairs {@code policies} with their texts.
     *
     * @param textsByPolicyName the text of each policy, keyed by {@link Policy#name()}
     * @throws IllegalArgumentException if an identity policy, the resource policy or the permissions boundary has no
     *     text, because those are the policies sent to the simulator
     */
    public static PolicySources of(PolicySet policies, Map<String, String> textsByPolicyName) {
        Objects.requireNonNull(policies, "policies");
        List<Policy> sent = new ArrayList<>(policies.identityPolicies());
        policies.resourcePolicy().ifPresent(sent::add);
        policies.permissionsBoundary().ifPresent(sent::add);
        List<String> missing = sent.stream()
                .map(Policy::name)
                .filter(name -> !textsByPolicyName.containsKey(name))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no policy text for " + String.join(", ", missing)
                    + "; pass the text of every identity policy, resource policy and permissions boundary");
        }
        return new PolicySources(policies, textsByPolicyName);
    }

    /** Reads and parses identity policy files, each named after its path as given. */
    public static PolicySources identityFiles(Path... files) {
        return identityFiles(Arrays.asList(files));
    }

    /**
     * Reads and parses identity policy files, each named after its path as given.
     *
     * @throws dev.policyproof.engine.PolicyParseException if a file is not a valid identity policy
     * @throws UncheckedIOException if a file cannot be read
     */
    public static PolicySources identityFiles(List<Path> files) {
        Map<String, String> texts = new LinkedHashMap<>();
        List<Policy> parsed = new ArrayList<>();
        for (Path file : files) {
            String text = readText(file);
            texts.put(file.toString(), text);
            parsed.add(PolicyParser.forKind(PolicyKind.IDENTITY).parse(file.toString(), text));
        }
        return new PolicySources(PolicySet.of(parsed), texts);
    }

    /**
     * Reads a policy file as UTF-8.
     *
     * @throws UncheckedIOException if the file cannot be read
     */
    public static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy file " + file + ": " + e.getMessage(), e);
        }
    }

    public PolicySet policies() {
        return policies;
    }

    /** Returns the text of the policy named {@code policyName}, if this source has it. */
    public Optional<String> text(String policyName) {
        return Optional.ofNullable(texts.get(policyName));
    }

    /** Returns the text of {@code policy}, which {@link #of} made sure exists for every policy sent. */
    String textOf(Policy policy) {
        String text = texts.get(policy.name());
        if (text == null) {
            throw new IllegalStateException("no text for policy " + policy.name());
        }
        return text;
    }
}
