package dev.policyproof.engine.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A project directory with the test policies under {@code iam/} and a checks file written by the test. */
final class ChecksFixture {

    static final String TUNNEL_ONLY = "tunnel-only-engineer.json";
    static final String NAIVE = "naive-engineer.json";

    final Path baseDirectory;

    ChecksFixture(Path baseDirectory) {
        this.baseDirectory = baseDirectory;
        copyPolicy(TUNNEL_ONLY, "iam/" + TUNNEL_ONLY);
        copyPolicy(NAIVE, "iam/" + NAIVE);
    }

    void copyPolicy(String name, String target) {
        write(target, read(Path.of("src/test/resources/policies", name)));
    }

    Path write(String relativePath, String text) {
        Path file = baseDirectory.resolve(relativePath);
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChecksFile read(String fileName, String text) {
        return ChecksFileReader.relativeTo(baseDirectory).read(write(fileName, text));
    }

    ChecksFile read(String yaml) {
        return read("checks.yaml", yaml);
    }

    String checksPath(String fileName) {
        return baseDirectory.resolve(fileName).toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
