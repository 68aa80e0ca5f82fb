package dev.policyproof.engine.check;

import java.util.Objects;

/**
 * Something wrong in a checks file, with a stable code, a message that names the value and the fix, and where it is:
 * the file, a 1-based line and column, and the path of the element, such as {@code checks[0].expect[1].allows.action}.
 * Line and column are 0 when the problem has no position in the text, such as an unreadable file.
 */
public record ChecksFileProblem(String code, String message, String file, int line, int column, String path) {

    public ChecksFileProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
    }

    /** Formats the problem as {@code file:line:column (path): message [code]}, the form compilers and IDEs link. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        String element = path.isEmpty() ? "" : " (" + path + ")";
        return where + element + ": " + message + " [" + code + "]";
    }
}
