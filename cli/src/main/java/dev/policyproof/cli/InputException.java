package dev.policyproof.cli;

/**
 * Thrown when an option value or a file that an option names is invalid, missing, unreadable or unwritable. The
 * command prints the message alone and exits 2, so the message names the option or file and what to fix.
 */
final class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InputException(String message) {
        super(message);
    }

    InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
