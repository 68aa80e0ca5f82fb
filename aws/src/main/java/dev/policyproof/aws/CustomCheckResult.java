package dev.policyproof.aws;

import dev.policyproof.engine.StatementRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The result of an Access Analyzer custom policy check, such as {@code CheckNoNewAccess}. The service proves the
 * property over all requests, but gives no trace beyond the reasons.
 *
 * @param check the operation, such as {@code access-analyzer:CheckNoNewAccess}
 * @param policyName the checked policy's name
 * @param passed true for {@code PASS}
 * @param message the service's message
 * @param reasons the statements behind a {@code FAIL}, when the service names them
 * @since 0.1.0
 */
public record CustomCheckResult(
        String check, String policyName, boolean passed, String message, List<Reason> reasons) {

    public CustomCheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(message, "message");
        reasons = List.copyOf(reasons);
    }

    /**
     * One reason of a check result.
     *
     * @param description the service's description
     * @param statementIndex the statement's 1-based position, null when not given
     * @param statementId the statement's Sid, null when not given
     * @param statement the local statement at that position
     */
    public record Reason(
            String description,
            @Nullable Integer statementIndex,
            @Nullable String statementId,
            @Nullable StatementRef statement) {

        public Reason {
            Objects.requireNonNull(description, "description");
        }

        public Optional<StatementRef> localStatement() {
            return Optional.ofNullable(statement);
        }

        /** Describes the reason with the local statement when known. */
        public String describe() {
            if (statement != null) {
                return statement.describe() + ": " + description;
            }
            if (statementIndex != null) {
                return "statement " + statementIndex + (statementId == null ? "" : ", Sid \"" + statementId + "\"")
                        + ": " + description;
            }
            return description;
        }
    }
}
