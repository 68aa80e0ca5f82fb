package dev.policyproof.engine;

import java.util.Objects;

/**
 * Something in a policy that policyproof cannot accept or interpret, with a stable code that tools can match on, a
 * message that names the offending value and the fix, and the location it refers to.
 */
public record Problem(String code, String message, SourceLocation location) {

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String toString() {
        return location + ": " + message + " [" + code + "]";
    }
}
