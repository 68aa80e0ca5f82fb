package dev.policyproof.engine;

import java.util.Objects;

/** Identifies a statement in messages: its policy, 1-based position, Sid and location. */
public record StatementRef(String policyName, Statement statement, int statementCount) {

    public StatementRef {
        Objects.requireNonNull(policyName, "policyName");
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
        return text.append(" of ").append(policyName).toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
