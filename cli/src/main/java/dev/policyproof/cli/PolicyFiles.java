package dev.policyproof.cli;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.PolicyParser;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads the files that options name, reporting a missing file with the option that named it. */
final class PolicyFiles {

    private PolicyFiles() {}

    /**
     * Parses the policy in {@code file} as {@code kind}.
     *
     * @throws InputException if the file is missing or unreadable
     * @throws dev.policyproof.engine.PolicyParseException if it is not a valid policy of that kind
     */
    static Policy read(Path file, PolicyKind kind, String option) {
        requireFile(file, option);
        try {
            return PolicyParser.forKind(kind).parse(file);
        } catch (UncheckedIOException e) {
            throw new InputException(e.getMessage() + " (" + option + ")", e);
        }
    }

    static @Nullable Policy readOptional(@Nullable Path file, PolicyKind kind, String option) {
        return file == null ? null : read(file, kind, option);
    }

    /** Parses organization levels, each given as one option value that lists its files separated by commas. */
    static List<List<Policy>> readLevels(List<String> levels, PolicyKind kind, String option) {
        List<List<Policy>> policies = new ArrayList<>();
        for (String level : levels) {
            List<Policy> attached = new ArrayList<>();
            for (String file : level.split(",", -1)) {
                if (file.isBlank()) {
                    throw new InputException("Invalid " + option + " value \"" + level + "\": empty file name. List"
                            + " the policy files of one level separated by commas, such as root.json,deny-regions.json");
                }
                attached.add(read(Path.of(file.strip()), kind, option));
            }
            policies.add(attached);
        }
        return policies;
    }

    /** Checks that {@code file} exists before a reader opens it, so that the message can name the option. */
    static void requireFile(Path file, String option) {
        if (!Files.exists(file)) {
            throw new InputException("File not found: " + file + " (" + option + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException("Not a regular file: " + file + " (" + option + ")");
        }
    }
}
