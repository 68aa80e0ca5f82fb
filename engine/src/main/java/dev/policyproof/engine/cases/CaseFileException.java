package dev.policyproof.engine.cases;

import dev.policyproof.engine.SourceLocation;

/** Thrown when a line of a cases file is not a valid case; the message names the file, line and field. */
public final class CaseFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SourceLocation location;

    public CaseFileException(SourceLocation location, String message) {
        super(location + ": " + message);
        this.location = location;
    }

    public CaseFileException(SourceLocation location, String message, Throwable cause) {
        super(location + ": " + message, cause);
        this.location = location;
    }

    public SourceLocation location() {
        return location;
    }
}
