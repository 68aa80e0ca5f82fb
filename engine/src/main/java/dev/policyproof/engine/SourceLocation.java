package dev.policyproof.engine;

import java.util.Objects;

/**
 * Position of an element in a policy source: the source name (usually a file path), a 1-based line and column, and
 * the JSON pointer (RFC 6901) of the element.
 */
public record SourceLocation(String source, int line, int column, String pointer) {

    public SourceLocation {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pointer, "pointer");
    }

    /** Returns a location for generated policies that have no text. */
    public static SourceLocation generated(String source, String pointer) {
        return new SourceLocation(source, 0, 0, pointer);
    }

    public boolean hasPosition() {
        return line > 0;
    }

    /** Formats the location as {@code file:line:column (pointer)}, the form compilers and IDEs link. */
    @Override
    public String toString() {
        String where = hasPosition() ? source + ":" + line + ":" + column : source;
        return pointer.isEmpty() ? where : where + " (" + pointer + ")";
    }
}
