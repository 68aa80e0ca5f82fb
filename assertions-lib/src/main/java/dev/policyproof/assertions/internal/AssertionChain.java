package dev.policyproof.assertions.internal;

import dev.policyproof.engine.check.FailureCollector;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The checks that follow from one {@code assertThatPolicy} call: where their failures go, and whether one has failed.
 * After the first failure the remaining checks of the chain are skipped, so that one mistake in a policy is reported
 * once rather than again by every check that depends on it.
 */
public final class AssertionChain {

    private final Consumer<AssertionError> failureHandler;
    private final AtomicBoolean failed = new AtomicBoolean();

    private AssertionChain(Consumer<AssertionError> failureHandler) {
        this.failureHandler = failureHandler;
    }

    /** Returns a chain that throws each failure, as ordinary assertions do. */
    public static AssertionChain throwing() {
        return new AssertionChain(error -> {
            throw error;
        });
    }

    /** Returns a chain that adds each failure's message to {@code collector}, for soft assertions. */
    public static AssertionChain collectingInto(FailureCollector collector) {
        return new AssertionChain(error -> collector.add(error.getMessage()));
    }

    public boolean hasFailed() {
        return failed.get();
    }

    /** Marks the chain as failed, then throws or collects {@code error}. */
    public void fail(AssertionError error) {
        failed.set(true);
        failureHandler.accept(error);
    }
}
