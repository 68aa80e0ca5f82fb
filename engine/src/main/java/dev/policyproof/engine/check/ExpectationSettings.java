package dev.policyproof.engine.check;

import dev.policyproof.engine.SourceLocation;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings that the checks file gives one expectation besides the expectation itself.
 *
 * @param severity the severity of a violation
 * @param suppression the accepted violation, or null
 * @param location where the expectation is written in the checks file, or null when it was built in code
 */
public record ExpectationSettings(
        Severity severity, @Nullable Suppression suppression, @Nullable SourceLocation location) {

    /** An error-level expectation with no suppression and no location, as the assertion DSL builds them. */
    public static final ExpectationSettings DEFAULT = new ExpectationSettings(Severity.ERROR, null, null);

    public ExpectationSettings {
        Objects.requireNonNull(severity, "severity");
    }

    public ExpectationSettings withSuppression(@Nullable Suppression replacement) {
        return new ExpectationSettings(severity, replacement, location);
    }
}
