package dev.policyproof.aws.internal;

import dev.policyproof.aws.RemoteCheckException;
import dev.policyproof.aws.RemoteChecks;
import dev.policyproof.aws.RemoteCheckException.Reason;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK exceptions into {@link RemoteCheckException}s whose messages name the operation, the cause in plain words
 * and the fix. Service messages pass through {@link Redaction}, because some services echo request details.
 */
public final class ErrorTranslator {

    private static final Set<String> ACCESS_DENIED_CODES =
            Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "NotAuthorized");
    private static final Set<String> THROTTLING_CODES =
            Set.of("Throttling", "ThrottlingException", "TooManyRequestsException", "RequestLimitExceeded");
    private static final Set<String> INVALID_REQUEST_CODES =
            Set.of("InvalidInput", "ValidationException", "UnprocessableEntityException", "MalformedPolicyDocument");

    private ErrorTranslator() {}

    /**
     * Translates {@code error}, thrown by the SDK while calling {@code operation}.
     *
     * @param operation the IAM action of the call, such as {@code iam:SimulateCustomPolicy}
     * @param redaction removes the credentials in use from every message taken from the error
     */
    public static RemoteCheckException translate(String operation, SdkException error, Redaction redaction) {
        // The HTTP client's socket timeout equals the attempt timeout, so either one may fire first.
        if (error instanceof ApiCallTimeoutException || error instanceof ApiCallAttemptTimeoutException
                || causedBySocketTimeout(error)) {
            return new RemoteCheckException(Reason.TIMED_OUT, operation, operation + " timed out: "
                    + redaction.apply(error.getMessage()) + ". Raise the API call timeout, or try again later.",
                    null);
        }
        if (error instanceof AwsServiceException service) {
            return translateService(operation, service, redaction);
        }
        if (error instanceof SdkClientException) {
            return translateClient(operation, (SdkClientException) error, redaction);
        }
        return new RemoteCheckException(Reason.SERVICE_FAILURE, operation,
                operation + " failed: " + redaction.apply(error.getMessage()), null);
    }

    private static boolean causedBySocketTimeout(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static RemoteCheckException translateService(String operation, AwsServiceException error,
            Redaction redaction) {
        AwsErrorDetails details = error.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? "" : details.errorCode();
        String serviceMessage = redaction.apply(details == null ? error.getMessage() : details.errorMessage());
        String requestId = error.requestId() == null ? "" : " (request id " + error.requestId() + ")";
        int status = error.statusCode();
        if (ACCESS_DENIED_CODES.contains(code) || status == 403) {
            return new RemoteCheckException(Reason.ACCESS_DENIED, operation, operation + " was denied" + requestId
                    + ": " + serviceMessage + ". Grant the calling identity " + operation
                    + " (all remote checks need " + RemoteChecks.REQUIRED_PERMISSIONS + ").", null);
        }
        if (THROTTLING_CODES.contains(code) || status == 429 || error.isThrottlingException()) {
            return new RemoteCheckException(Reason.THROTTLED, operation, operation
                    + " was still throttled after the last retry" + requestId + ": " + serviceMessage
                    + ". Run fewer callers per account, raise the maximum attempts, or try again later.", null);
        }
        if (INVALID_REQUEST_CODES.contains(code) || (status >= 400 && status < 500)) {
            return new RemoteCheckException(Reason.INVALID_REQUEST, operation, operation + " rejected the request"
                    + requestId + " with " + (code.isEmpty() ? "status " + status : code) + ": " + serviceMessage,
                    null);
        }
        return new RemoteCheckException(Reason.SERVICE_FAILURE, operation, operation + " failed" + requestId
                + " with " + (code.isEmpty() ? "status " + status : code) + " after the last retry: "
                + serviceMessage, null);
    }

    private static RemoteCheckException translateClient(String operation, SdkClientException error,
            Redaction redaction) {
        String message = redaction.apply(error.getMessage());
        if (message.startsWith("Unable to load credentials")) {
            return missingCredentials(operation, message);
        }
        if (message.startsWith("Unable to load region")) {
            return new RemoteCheckException(Reason.MISSING_REGION, operation, "no AWS region is configured for "
                    + operation + ". Set a region, such as policyproof.aws.region=us-east-1 or AWS_REGION.", null);
        }
        if (message.startsWith("Unable to unmarshall") || hasCause(error, "XMLStreamException")
                || hasCause(error, "JsonParseException") || hasCause(error, "SdkJsonGenerator")) {
            return malformed(operation, "the response could not be read: " + message);
        }
        return new RemoteCheckException(Reason.SERVICE_FAILURE, operation, operation + " failed: " + message, null);
    }

    /** Returns the error for a credential provider that found nothing. */
    public static RemoteCheckException missingCredentials(String operation, String detail) {
        return new RemoteCheckException(Reason.MISSING_CREDENTIALS, operation, "no AWS credentials found for "
                + operation + ": " + Redaction.PATTERNS.apply(detail) + ". Configure credentials (environment variables,"
                + " a profile such as policyproof.aws.profile, or SSO), or turn remote checks off.", null);
    }

    /** Returns the error for a response that lacks a field or contains a value the mapping cannot read. */
    public static RemoteCheckException malformed(String operation, String detail) {
        return new RemoteCheckException(Reason.MALFORMED_RESPONSE, operation,
                operation + " returned a malformed response: " + Redaction.PATTERNS.apply(detail), null);
    }

    private static boolean hasCause(Throwable error, String simpleName) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().equals(simpleName)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
