package dev.policyproof.engine.check;

import java.util.Locale;
import java.util.Optional;

/**
 * Seriousness of a violated expectation. The checks file sets it per check or per expectation. The Maven plugin
 * fails the build only for violations at or above its threshold and reports the others as warnings.
 */
public enum Severity {
    WARNING,
    ERROR;

    /** Returns the severity as the checks file spells it: {@code warning} or {@code error}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isAtLeast(Severity threshold) {
        return compareTo(threshold) >= 0;
    }

    /** Parses {@code warning} or {@code error}, ignoring case. */
    public static Optional<Severity> parse(String text) {
        for (Severity severity : values()) {
            if (severity.label().equalsIgnoreCase(text.trim())) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }
}
