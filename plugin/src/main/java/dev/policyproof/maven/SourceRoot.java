package dev.policyproof.maven;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root, which SARIF URIs are relative to. */
final class SourceRoot {

    private SourceRoot() {}

    /**
     * Returns the nearest directory at or above {@code baseDirectory} that contains {@code .git}, a directory in a
     * clone and a file in a worktree, else {@code baseDirectory} itself.
     */
    static Path of(Path baseDirectory) {
        Path start = baseDirectory.toAbsolutePath().normalize();
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            if (Files.exists(directory.resolve(".git"))) {
                return directory;
            }
        }
        return start;
    }
}
