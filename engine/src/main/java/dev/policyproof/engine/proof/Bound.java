package dev.policyproof.engine.proof;

/** Which bound of the allowed requests an evaluation computes when some statements are not exact. */
enum Bound {
    /** Every request that might be allowed: if it is empty, nothing is allowed. */
    UPPER,
    /** Requests that are allowed whatever the inexact parts decide: a member is a real counterexample. */
    LOWER
}
