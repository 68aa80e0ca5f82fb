package dev.policyproof.engine.check;

import dev.policyproof.engine.SourceLocation;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An accepted violation: reports list the expectation as skipped with the reason, and the build does not fail for it.
 * The checks file rejects a suppression whose {@code expires} date has passed, so each one is reviewed again.
 *
 * @param reason why the violation is accepted, never blank
 * @param expires the last day on which the suppression applies, or null for no end
 * @param location where the suppression is written in the checks file
 */
public record Suppression(String reason, @Nullable LocalDate expires, SourceLocation location) {

    public Suppression {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(location, "location");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a suppression needs a reason");
        }
    }

    public Optional<LocalDate> expiry() {
        return Optional.ofNullable(expires);
    }

    /** Returns true when {@code today} is after the last day of the suppression. */
    public boolean isExpiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }
}
