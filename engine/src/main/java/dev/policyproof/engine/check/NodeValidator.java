package dev.policyproof.engine.check;

import dev.policyproof.engine.check.LocatedNode.Entry;
import dev.policyproof.engine.check.LocatedNode.Mapping;
import dev.policyproof.engine.check.LocatedNode.Null;
import dev.policyproof.engine.check.LocatedNode.Scalar;
import dev.policyproof.engine.check.LocatedNode.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks the shape of a {@link LocatedNode} tree and collects every problem, so one run reports all mistakes in a
 * checks file. Each method returns empty when the node is unusable, after recording why.
 */
final class NodeValidator {

    private final String file;
    private final List<ChecksFileProblem> problems = new ArrayList<>();

    NodeValidator(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    List<ChecksFileProblem> problems() {
        return problems;
    }

    void report(String code, String message, LocatedNode node) {
        report(code, message, node.line(), node.column(), node.path());
    }

    void report(String code, String message, int line, int column, String path) {
        problems.add(new ChecksFileProblem(code, message, file, line, column, path));
    }

    /** Returns the node as a map, or reports that {@code expected} (such as "a map of policy ids") was wanted. */
    Optional<Mapping> mapping(LocatedNode node, String expected) {
        if (node instanceof Mapping mapping) {
            return Optional.of(mapping);
        }
        reportWrongType(node, expected);
        return Optional.empty();
    }

    /** Returns the elements of a list; a single scalar counts as a list of one, as in {@code files: a.json}. */
    Optional<List<LocatedNode>> list(LocatedNode node, String expected) {
        if (node instanceof Sequence sequence) {
            return Optional.of(sequence.elements());
        }
        if (node instanceof Scalar) {
            return Optional.of(List.of(node));
        }
        reportWrongType(node, expected);
        return Optional.empty();
    }

    /** Returns the text of a scalar that is not blank. Numbers and booleans count, as written in the file. */
    Optional<String> text(LocatedNode node, String expected) {
        if (node instanceof Scalar scalar) {
            if (scalar.text().isBlank()) {
                report("empty-value", "empty value; expected " + expected, node);
                return Optional.empty();
            }
            return Optional.of(scalar.text());
        }
        reportWrongType(node, expected);
        return Optional.empty();
    }

    /** Returns the texts of a list of scalars, or of a single scalar. */
    Optional<List<String>> texts(LocatedNode node, String expected) {
        Optional<List<LocatedNode>> elements = list(node, "a list of " + expected);
        if (elements.isEmpty()) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        boolean valid = true;
        for (LocatedNode element : elements.get()) {
            Optional<String> text = text(element, expected);
            valid &= text.isPresent();
            text.ifPresent(texts::add);
        }
        return valid ? Optional.of(texts) : Optional.empty();
    }

    /** Reports every key of {@code mapping} outside {@code allowed}, suggesting the closest allowed key. */
    void allowOnly(Mapping mapping, List<String> allowed) {
        for (Entry entry : mapping.entries().values()) {
            if (!allowed.contains(entry.key())) {
                String path = LocatedNode.childPath(mapping.path(), entry.key());
                report("unknown-key", "unknown key \"" + entry.key() + "\"" + suggestion(entry.key(), allowed)
                        + "; expected one of " + String.join(", ", allowed), entry.line(), entry.column(), path);
            }
        }
    }

    /** Returns the value of {@code key}, or reports it missing with {@code meaning}, the value to write. */
    Optional<LocatedNode> required(Mapping mapping, String key, String meaning) {
        Entry entry = mapping.entries().get(key);
        if (entry == null) {
            report("missing-key", "missing key \"" + key + "\": " + meaning, mapping.line(), mapping.column(),
                    LocatedNode.childPath(mapping.path(), key));
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** Returns the value of {@code key} unless it is absent or has no value. */
    static Optional<LocatedNode> optional(Mapping mapping, String key) {
        Entry entry = mapping.entries().get(key);
        if (entry == null || entry.value() instanceof Null) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    private void reportWrongType(LocatedNode node, String expected) {
        if (node instanceof Null) {
            report("missing-value", "no value; expected " + expected, node);
        } else {
            report("wrong-type", "expected " + expected + ", found " + node.typeName(), node);
        }
    }

    private static String suggestion(String key, List<String> allowed) {
        @Nullable String best = null;
        int bestDistance = 3;
        for (String candidate : allowed) {
            int distance = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best == null ? "" : " (did you mean \"" + best + "\"?)";
    }

    /** Returns the Levenshtein distance between two strings. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
