package dev.policyproof.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRootTest {

    @TempDir
    Path directory;

    @Test
    void finds_git_directory_above_project() throws IOException {
        Files.createDirectories(directory.resolve(".git"));
        Path project = Files.createDirectories(directory.resolve("infra/bastion"));

        assertThat(SourceRoot.of(project)).isEqualTo(directory.toAbsolutePath().normalize());
    }

    @Test
    void finds_git_file_of_a_worktree() throws IOException {
        Path worktree = Files.createDirectories(directory.resolve("worktree"));
        Files.writeString(worktree.resolve(".git"), "gitdir: elsewhere\n");

        assertThat(SourceRoot.of(worktree)).isEqualTo(worktree.toAbsolutePath().normalize());
    }
}
