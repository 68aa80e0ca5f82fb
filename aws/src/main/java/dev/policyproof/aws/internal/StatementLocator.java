package dev.policyproof.aws.internal;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyType;
import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.Statement;
import dev.policyproof.engine.StatementRef;
import org.jspecify.annotations.Nullable;

/**
 * Finds the local statement at a position a remote service reported in the text we sent. A statement spans from its
 * opening brace to the next statement's, so the match is the last statement that starts at or before the position.
 */
public final class StatementLocator {

    private StatementLocator() {}

    /**
     * Returns the statement of {@code policy} that contains {@code line} and {@code column}, or null when the
     * position lies before the first statement or the policy has no positions.
     *
     * @param column the column as reported; compared with a tolerance of one, since services differ on 0- or 1-based
     */
    public static @Nullable StatementRef at(Policy policy, PolicyType type, int line, int column) {
        Statement found = null;
        for (Statement statement : policy.statements()) {
            SourceLocation location = statement.location();
            if (!location.hasPosition()) {
                return null;
            }
            boolean startsBefore = location.line() < line
                    || (location.line() == line && (column <= 0 || location.column() <= column + 1));
            if (startsBefore) {
                found = statement;
            }
        }
        return found == null ? null : ref(policy, type, found);
    }

    /**
     * Returns the statement at {@code index}, 1-based, or null when there is none.
     */
    public static @Nullable StatementRef byIndex(Policy policy, PolicyType type, int index) {
        for (Statement statement : policy.statements()) {
            if (statement.index() == index) {
                return ref(policy, type, statement);
            }
        }
        return null;
    }

    public static StatementRef ref(Policy policy, PolicyType type, Statement statement) {
        return new StatementRef(policy.name(), type, 0, statement, policy.statements().size());
    }
}
