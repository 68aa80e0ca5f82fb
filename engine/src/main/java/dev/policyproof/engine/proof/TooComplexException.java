package dev.policyproof.engine.proof;

/** Thrown when a question would need more request regions than the prover allows; the answer becomes unknown. */
final class TooComplexException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TooComplexException(int cubes) {
        super("the question needs more than " + Region.MAX_CUBES + " request regions (reached " + cubes
                + "); narrow the check's scope or split the policy");
    }
}
