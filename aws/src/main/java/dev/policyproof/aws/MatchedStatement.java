package dev.policyproof.aws;

import dev.policyproof.engine.StatementRef;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A statement the IAM policy simulator reported as matching a request, with the policy it came from as the simulator
 * names it, and the local statement at that position when the policy is one of ours.
 *
 * @param sourcePolicyId the simulator's policy id, such as {@code PolicyInputList.1}, {@code ResourcePolicy} or a
 *     managed policy's name
 * @param sourcePolicyType the simulator's policy type as sent, such as {@code user} or {@code resource}; values
 *     outside the documented set are kept as they are
 * @param line the statement's first line as the simulator reports it, 1-based, or 0 when absent
 * @param column the statement's first column as the simulator reports it, or 0 when absent
 * @param statement the local statement at that line, when the policy was sent from local text
 * @since 0.1.0
 */
public record MatchedStatement(
        String sourcePolicyId, String sourcePolicyType, int line, int column, @Nullable StatementRef statement) {

    public MatchedStatement {
        Objects.requireNonNull(sourcePolicyId, "sourcePolicyId");
        Objects.requireNonNull(sourcePolicyType, "sourcePolicyType");
    }

    public Optional<StatementRef> localStatement() {
        return Optional.ofNullable(statement);
    }

    /** Describes the statement as local messages do, or by the simulator's policy id and line. */
    public String describe() {
        if (statement != null) {
            return statement.describe();
        }
        String where = line > 0 ? "statement at line " + line + " of " : "a statement of ";
        return where + sourcePolicyId + (sourcePolicyType.isEmpty() ? "" : " (" + sourcePolicyType + ")");
    }

    @Override
    public String toString() {
        return describe();
    }
}
