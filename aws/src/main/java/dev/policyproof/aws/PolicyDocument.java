package dev.policyproof.aws;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.PolicyParser;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One policy with the exact text that Access Analyzer receives, so that the locations it reports map to lines of
 * the file.
 *
 * @param policy the parsed policy, which names the document in results and maps statement indexes to lines
 * @param text the policy text as written
 * @since 0.1.0
 */
public record PolicyDocument(Policy policy, String text) {

    public PolicyDocument {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Reads and parses {@code file} as a policy of {@code kind}, named after the path as given.
     *
     * @throws dev.policyproof.engine.PolicyParseException if the file is not a valid policy of that kind
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public static PolicyDocument read(Path file, PolicyKind kind) {
        String text = PolicySources.readText(file);
        return new PolicyDocument(PolicyParser.forKind(kind).parse(file.toString(), text), text);
    }

    /** Parses {@code text} as a policy of {@code kind} called {@code name}. */
    public static PolicyDocument of(String name, String text, PolicyKind kind) {
        return new PolicyDocument(PolicyParser.forKind(kind).parse(name, text), text);
    }

    public String name() {
        return policy.name();
    }
}
