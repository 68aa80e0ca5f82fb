package dev.policyproof.engine.check;

import java.util.Objects;

/**
 * A checks file of a shared suite, as a suite jar ships it under {@code META-INF/policyproof/suites/<suite>/}.
 *
 * @param suite the suite's name, which prefixes the names of its checks
 * @param source where the file was read from, as messages print it
 * @param text the file's YAML or JSON text
 */
public record SuiteFile(String suite, String source, String text) {

    public SuiteFile {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }
}
