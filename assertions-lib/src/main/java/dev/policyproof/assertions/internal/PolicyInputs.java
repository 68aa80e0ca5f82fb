package dev.policyproof.assertions.internal;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Turns the inputs of {@code assertThatPolicy} into a policy set, keeping null so that the check can report it. */
public final class PolicyInputs {

    private PolicyInputs() {}

    public static @Nullable PolicySet setOf(@Nullable Policy policy) {
        return policy == null ? null : PolicySet.of(policy);
    }

    /** Parses {@code file} as an identity policy, which fails with an exception when the file is not a valid one. */
    public static @Nullable PolicySet parse(@Nullable Path file) {
        return file == null ? null : PolicySet.of(PolicyParser.identity().parse(file));
    }
}
