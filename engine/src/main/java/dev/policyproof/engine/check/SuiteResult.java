package dev.policyproof.engine.check;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcomes of one run of a checks file, with the counts that summaries and reports print.
 *
 * @param checksFile the checks file as messages print it
 * @param suiteName the checks file's base name, such as {@code checks}, which names the report's test suite
 * @param checkCount the number of named checks
 * @param policySetCount the number of distinct policy sets evaluated
 * @param policyFileCount the number of distinct policy files parsed
 * @param outcomes one per expectation, in file order
 */
public record SuiteResult(String checksFile, String suiteName, int checkCount, int policySetCount,
        int policyFileCount, List<CheckOutcome> outcomes) {

    public SuiteResult {
        Objects.requireNonNull(checksFile, "checksFile");
        Objects.requireNonNull(suiteName, "suiteName");
        outcomes = List.copyOf(outcomes);
    }

    public int passedCount() {
        return (int) outcomes.stream().filter(CheckOutcome::passed).count();
    }

    /** Returns the number of violated expectations, leaving out suppressed ones. */
    public int failedCount() {
        return (int) outcomes.stream().filter(CheckOutcome::violated).count();
    }

    public int suppressedCount() {
        return (int) outcomes.stream().filter(CheckOutcome::suppressed).count();
    }

    /** Returns the violated expectations that no suppression accepts, in file order. */
    public List<CheckOutcome> failures() {
        return outcomes.stream().filter(CheckOutcome::violated).toList();
    }

    /** Returns the violations at {@code threshold} or above, the ones that fail a build. */
    public List<CheckOutcome> failuresAtLeast(Severity threshold) {
        return failures().stream().filter(outcome -> outcome.severity().isAtLeast(threshold)).toList();
    }

    public boolean passed() {
        return failedCount() == 0;
    }

    public Duration elapsed() {
        return outcomes.stream().map(CheckOutcome::elapsed).reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * Summarizes the run in one line, such as {@code 3 expectations in 1 check on 1 policy set (1 policy file): 3
     * passed, 0 failed}. Suppressed violations are counted at the end, only when there are some.
     */
    public String summary() {
        String summary = count(outcomes.size(), "expectation") + " in " + count(checkCount, "check") + " on "
                + count(policySetCount, "policy set") + " (" + count(policyFileCount, "policy file") + "): "
                + passedCount() + " passed, " + failedCount() + " failed";
        return suppressedCount() == 0 ? summary : summary + ", " + suppressedCount() + " suppressed";
    }

    private static String count(int n, String singular) {
        return n + " " + (n == 1 ? singular : singular + "s");
    }
}
