package dev.policyproof.engine.proof;

import dev.policyproof.engine.EvaluationResult;
import dev.policyproof.engine.Request;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The answer to "is there a request in this scope that ...": {@link Status#NONE} is a proof that there is none,
 * {@link Status#FOUND} comes with a counterexample that the evaluator allows, and {@link Status#UNKNOWN} lists the
 * parts of the policies that kept the prover from deciding.
 */
public record Answer(
        Status status,
        @Nullable Request counterexample,
        @Nullable EvaluationResult evaluation,
        List<Unknown> unknowns) {

    /** Whether a request with the asked-for property exists. */
    public enum Status {
        /** Proven: no request in the scope has the property. */
        NONE,
        /** A request has the property; it is the counterexample. */
        FOUND,
        /** The policies use something the prover does not represent exactly, and the answer depends on it. */
        UNKNOWN
    }

    public Answer {
        Objects.requireNonNull(status, "status");
        unknowns = List.copyOf(unknowns);
        if ((status == Status.FOUND) != (counterexample != null)) {
            throw new IllegalArgumentException("a counterexample comes exactly with status FOUND");
        }
    }

    public Optional<Request> example() {
        return Optional.ofNullable(counterexample);
    }
}
