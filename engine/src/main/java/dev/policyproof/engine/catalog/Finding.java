package dev.policyproof.engine.catalog;

import dev.policyproof.engine.SourceLocation;
import java.util.Objects;

/**
 * One result of {@link PolicyValidator}: a severity, a stable code from {@link ValidationCheck}, a message that names
 * the offending value and the fix, and the location of that value in the policy.
 */
public record Finding(Severity severity, String code, String message, SourceLocation location) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
    }

    static Finding of(ValidationCheck check, String message, SourceLocation location) {
        return new Finding(check.severity(), check.code(), message, location);
    }

    /** Formats the finding as {@code file:line:column (pointer): SEVERITY message [code]}. */
    @Override
    public String toString() {
        return location + ": " + severity + " " + message + " [" + code + "]";
    }
}
