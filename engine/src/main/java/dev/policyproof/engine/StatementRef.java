package dev.policyproof.engine;

import java.util.Objects;

/**
 * Identifies a statement in messages: its policy and the policy's role in the evaluation, its 1-based position, Sid
 * and location. {@code level} is the 1-based organization level of an SCP or RCP, counted from the root, else 0.
 */
public record StatementRef(String policyName, PolicyType type, int level, Statement statement, int statementCount) {

    public StatementRef {
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(statement, "statement");
    }

    public int index() {
        return statement.index();
    }

    /** Describes the statement as {@code statement 2 of 5, Sid "Tunnel", line 14 of iam/engineer.json}. */
    public String describe() {
        StringBuilder text = new StringBuilder("statement ").append(statement.index());
        text.append(" of ").append(statementCount);
        statement.sid().filter(sid -> !sid.isEmpty()).ifPresent(sid -> text.append(", Sid \"").append(sid).append('"'));
        SourceLocation location = statement.location();
        if (location.hasPosition()) {
            text.append(", line ").append(location.line());
        }
        text.append(" of ").append(policyName);
        if (type != PolicyType.IDENTITY) {
            text.append(" (").append(type.displayName());
            if (level > 0) {
                text.append(", level ").append(level);
            }
            text.append(')');
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
