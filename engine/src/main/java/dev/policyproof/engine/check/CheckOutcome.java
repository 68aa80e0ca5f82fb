package dev.policyproof.engine.check;

import java.time.Duration;
import java.util.Objects;

/**
 * The result of one expectation of a named check in a checks file.
 *
 * @param check the check's name
 * @param policySet the name of the policy set the check evaluated
 * @param result the expectation's result, whose failure message is printed as is everywhere
 * @param elapsed how long the evaluation took
 */
public record CheckOutcome(String check, String policySet, CheckResult result, Duration elapsed) {

    public CheckOutcome {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(policySet, "policySet");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    public boolean passed() {
        return result.passed();
    }
}
