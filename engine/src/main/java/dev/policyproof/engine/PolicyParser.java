package dev.policyproof.engine;

import dev.policyproof.engine.internal.PolicyDocumentReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Parses IAM policy JSON strictly into the {@link Policy} model. Everything IAM would reject, and everything that
 * IAM accepts but policyproof cannot evaluate faithfully, fails with a {@link PolicyParseException} that lists every
 * problem with its file, line, column and JSON pointer. Unknown elements, duplicate keys, lower-case effects and
 * unknown condition operators are errors, never silently dropped.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html">IAM JSON policy
 *     grammar</a>
 */
public final class PolicyParser {

    private final PolicyKind kind;

    private PolicyParser(PolicyKind kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** Returns a parser for identity policies, the kind attached to users, groups and roles. */
    public static PolicyParser identity() {
        return new PolicyParser(PolicyKind.IDENTITY);
    }

    public static PolicyParser forKind(PolicyKind kind) {
        return new PolicyParser(kind);
    }

    /**
     * Parses the policy in {@code file}, named after the path as given.
     *
     * @throws PolicyParseException if the file is not a valid policy of this parser's kind
     * @throws UncheckedIOException if the file cannot be read
     */
    public Policy parse(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            Problem problem = new Problem("invalid-encoding",
                    "the file is not valid UTF-8 text; save it as UTF-8", SourceLocation.generated(file.toString(), ""));
            throw new PolicyParseException(List.of(problem));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses {@code json} as a policy called {@code name}; the name appears in every location and message.
     *
     * @throws PolicyParseException if the text is not a valid policy of this parser's kind
     */
    public Policy parse(String name, String json) {
        return PolicyDocumentReader.read(name, json, kind);
    }
}
