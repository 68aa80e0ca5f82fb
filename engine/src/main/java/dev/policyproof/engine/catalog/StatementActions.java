package dev.policyproof.engine.catalog;

import java.util.BitSet;
import java.util.List;

/**
 * The catalogue actions a statement applies to: those its {@code Action} values match, or for {@code NotAction} every
 * action its values do not match. {@code perValue} holds the matches of each value in source order.
 */
record StatementActions(BitSet actions, List<BitSet> perValue, boolean negated) {

    boolean isEmpty() {
        return actions.isEmpty();
    }
}
