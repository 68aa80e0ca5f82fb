package dev.policyproof.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureCollectorTest {

    @Test
    void renders_nothing_without_failures() {
        // GIVEN / WHEN
        FailureCollector failures = new FailureCollector();

        // THEN
        assertThat(failures.isEmpty()).isTrue();
        assertThat(failures.render()).isEmpty();
    }

    @Test
    void numbers_failures_in_order() {
        // GIVEN
        FailureCollector failures = new FailureCollector();
        failures.add("[first]" + System.lineSeparator() + "expected:     a");
        failures.add("[second]");

        // WHEN
        String text = failures.render().replace(System.lineSeparator(), "\n");

        // THEN
        assertThat(text).isEqualTo("""
                2 checks failed

                failure 1 of 2
                [first]
                expected:     a

                failure 2 of 2
                [second]""");
        assertThat(failures.messages()).hasSize(2);
    }

    @Test
    void counts_one_failure_in_singular() {
        // GIVEN
        FailureCollector failures = new FailureCollector();
        failures.add("[only]");

        // WHEN / THEN
        assertThat(failures.render()).startsWith("1 check failed" + System.lineSeparator());
    }
}
