package dev.policyproof.aws;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A remote check could not be run: the call never produced a result that can be compared or reported. A policy
 * that fails a check is a result, never this exception. Messages name the operation and what to do next, and never
 * contain credentials.
 */
public final class RemoteCheckException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Reason the call produced no result. */
    public enum Reason {
        /** No credentials were found by the credential provider. */
        MISSING_CREDENTIALS,
        /** No region was configured, and Access Analyzer is a regional service. */
        MISSING_REGION,
        /** The caller lacks the IAM permission for the operation. */
        ACCESS_DENIED,
        /** The service kept throttling until the retry strategy ran out of attempts. */
        THROTTLED,
        /** The call or one of its attempts took longer than its timeout. */
        TIMED_OUT,
        /** The response could not be read, or lacked a field the mapping needs. */
        MALFORMED_RESPONSE,
        /** The service rejected the request as invalid. */
        INVALID_REQUEST,
        /** Any other service or network failure that remained after retries. */
        SERVICE_FAILURE;

        /** Returns true when trying again later may succeed, so the check is inconclusive rather than broken. */
        public boolean isTransient() {
            return this == THROTTLED || this == TIMED_OUT || this == SERVICE_FAILURE;
        }
    }

    private final Reason reason;
    private final String operation;

    public RemoteCheckException(Reason reason, String operation, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.operation = Objects.requireNonNull(operation, "operation");
    }

    public Reason reason() {
        return reason;
    }

    /** Returns the operation that failed, as IAM names its action, such as {@code iam:SimulateCustomPolicy}. */
    public String operation() {
        return operation;
    }
}
