package dev.policyproof.engine.check;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A YAML or JSON value with its line, column and path in the checks file, which Jackson's {@code JsonNode} does not
 * keep. Scalars keep their source text, so {@code 2012-10-17}, {@code 012345678901} and {@code true} stay as written.
 */
sealed interface LocatedNode {

    int line();

    int column();

    /** Path from the document root, such as {@code checks[0].expect[1].allows.action}, or empty for the root. */
    String path();

    /** Names the node's type as error messages print it. */
    String typeName();

    record Mapping(Map<String, Entry> entries, int line, int column, String path) implements LocatedNode {
        @Override
        public String typeName() {
            return "a map";
        }
    }

    /** A mapping entry with the position of its key, which is where errors about the key point. */
    record Entry(String key, int line, int column, LocatedNode value) {}

    record Sequence(List<LocatedNode> elements, int line, int column, String path) implements LocatedNode {
        @Override
        public String typeName() {
            return "a list";
        }
    }

    /** A string, number or boolean, as its source text. */
    record Scalar(String text, int line, int column, String path) implements LocatedNode {
        @Override
        public String typeName() {
            return "a scalar";
        }
    }

    /** An explicit {@code null}, {@code ~} or a key with no value. */
    record Null(int line, int column, String path) implements LocatedNode {
        @Override
        public String typeName() {
            return "no value";
        }
    }

    /** Paths print plain keys after a dot and quote keys that would read ambiguously: {@code tags["a.b"]}. */
    Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_:/*-]+");

    static String childPath(String parent, String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return parent.isEmpty() ? key : parent + "." + key;
        }
        return parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    static String elementPath(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
