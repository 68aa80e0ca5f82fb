package dev.policyproof.engine.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates every expectation of a {@link CheckSuite}, in file order. A violated expectation is a failed outcome,
 * never an exception, so one run reports all of them. Each failure message is titled with the check's name.
 */
public final class SuiteRunner {

    private SuiteRunner() {}

    public static SuiteResult run(CheckSuite suite) {
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (CheckSuite.Entry entry : suite.entries()) {
            List<Expectation> expectations = entry.check().expectations();
            for (int i = 0; i < expectations.size(); i++) {
                long start = System.nanoTime();
                CheckResult result;
                try {
                    result = expectations.get(i).check(entry.policies(), entry.check().name());
                } catch (RuntimeException e) {
                    throw new IllegalStateException("check \"" + entry.check().name() + "\" failed to evaluate \""
                            + expectations.get(i).description() + "\": " + e.getMessage(), e);
                }
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                outcomes.add(new CheckOutcome(entry.check().name(), entry.policies().name(), result, elapsed,
                        entry.check().settings().get(i)));
            }
        }
        return new SuiteResult(suite.checksFile().file(), suite.checksFile().baseName(), suite.entries().size(),
                suite.policySetCount(), suite.policyFileCount(), outcomes);
    }
}
