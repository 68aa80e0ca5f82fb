package dev.policyproof.engine.check;

import dev.policyproof.engine.SourceLocation;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one expectation of a named check in a checks file.
 *
 * @param check the check's name
 * @param policySet the name of the policy set the check evaluated
 * @param result the expectation's result, whose failure message is printed as is everywhere
 * @param elapsed how long the evaluation took
 * @param settings the expectation's severity, suppression and place in the checks file
 */
public record CheckOutcome(
        String check, String policySet, CheckResult result, Duration elapsed, ExpectationSettings settings) {

    /** Creates an outcome of an error-level expectation without suppression or checks file location. */
    public CheckOutcome(String check, String policySet, CheckResult result, Duration elapsed) {
        this(check, policySet, result, elapsed, ExpectationSettings.DEFAULT);
    }

    public CheckOutcome {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(policySet, "policySet");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(settings, "settings");
    }

    public boolean passed() {
        return result.passed();
    }

    /** Returns true for a failed expectation whose violation a suppression accepts. */
    public boolean suppressed() {
        return !result.passed() && settings.suppression() != null;
    }

    /** Returns true for a failed expectation that no suppression accepts. */
    public boolean violated() {
        return !result.passed() && settings.suppression() == null;
    }

    public Severity severity() {
        return settings.severity();
    }

    public Optional<Suppression> suppression() {
        return Optional.ofNullable(settings.suppression());
    }

    /**
     * Returns where a reader should look first: the statement that decided the offending request, else the
     * expectation in the checks file, else nothing.
     */
    public Optional<SourceLocation> location() {
        return result.decidingLocation().or(() -> Optional.ofNullable(settings.location()));
    }
}
