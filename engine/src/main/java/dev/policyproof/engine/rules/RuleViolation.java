package dev.policyproof.engine.rules;

import dev.policyproof.engine.SourceLocation;
import java.util.Objects;

/**
 * One place where a template breaks a rule, or where the rule cannot decide because a value is unknown before
 * deployment. Both fail the rule: an undecided rule never passes.
 *
 * @param logicalId the resource the message is about
 * @param location where the offending value is written
 * @param message what is wrong, naming the value
 * @param undecided whether the rule could not decide rather than found a violation
 */
public record RuleViolation(
        BastionRule rule, String logicalId, SourceLocation location, String message, boolean undecided) {

    public RuleViolation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** Formats the violation as {@code LogicalId, line N of file: message}. */
    @Override
    public String toString() {
        String where = location.hasPosition()
                ? ", line " + location.line() + " of " + location.source()
                : " in " + location.source();
        return logicalId + where + ": " + (undecided ? "cannot decide, " : "") + message;
    }
}
