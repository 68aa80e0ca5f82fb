package dev.policyproof.engine.proof;

import dev.policyproof.engine.Effect;
import dev.policyproof.engine.Statement;
import java.util.List;

/**
 * The requests a statement applies to. When part of the statement has no exact representation, {@code lower} leaves
 * that part out of the statement (it applies to nothing) and {@code upper} ignores that part (it applies wherever the
 * rest matches), so every exact region lies between them; {@code unknowns} says which parts and why.
 */
record StatementRegion(Statement statement, Region lower, Region upper, List<Unknown> unknowns) {

    StatementRegion {
        unknowns = List.copyOf(unknowns);
    }

    boolean exact() {
        return unknowns.isEmpty();
    }

    /**
     * Returns the region to use for a bound on the allowed requests: allowed requests grow with {@code Allow}
     * statements and shrink with {@code Deny} statements, so the upper bound takes allows at their largest and
     * denies at their smallest, and the lower bound the opposite.
     */
    Region forBound(Bound bound) {
        boolean allow = statement.effect() == Effect.ALLOW;
        boolean large = (bound == Bound.UPPER) == allow;
        return large ? upper : lower;
    }
}
