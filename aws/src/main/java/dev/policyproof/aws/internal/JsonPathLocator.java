package dev.policyproof.aws.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Finds the line and column of an element of a JSON text from its path, a list of object keys and array indexes as
 * Access Analyzer reports them. The text is the one sent, so the position is the position in the file.
 */
public final class JsonPathLocator {

    private static final JsonFactory JSON = new JsonFactory();

    /** A 1-based line and column. */
    public record Position(int line, int column) {}

    /** The position of each element, keyed by its JSON pointer such as {@code /Statement/0/Action}. */
    private final Map<String, Position> positions;

    private JsonPathLocator(Map<String, Position> positions) {
        this.positions = positions;
    }

    /** Reads {@code text}; a text that is not valid JSON yields a locator that finds nothing. */
    public static JsonPathLocator of(String text) {
        Map<String, Position> positions = new HashMap<>();
        try (JsonParser parser = JSON.createParser(text)) {
            walk(parser, positions);
        } catch (IOException e) {
            positions.clear();
        }
        return new JsonPathLocator(positions);
    }

    /**
     * Returns the position of the deepest element along {@code path} that exists, or null when not even the first
     * element does. Elements are a {@code String} key or an {@code Integer} index, 0-based.
     */
    public @Nullable Position find(List<Object> path) {
        StringBuilder pointer = new StringBuilder();
        Position found = positions.get("");
        for (Object element : path) {
            pointer.append('/').append(escape(String.valueOf(element)));
            Position position = positions.get(pointer.toString());
            if (position == null) {
                break;
            }
            found = position;
        }
        return found;
    }

    private static void walk(JsonParser parser, Map<String, Position> positions) throws IOException {
        Deque<Frame> stack = new ArrayDeque<>();
        String pendingKey = null;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            if (token == JsonToken.FIELD_NAME) {
                pendingKey = parser.currentName();
                continue;
            }
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                stack.pop();
                continue;
            }
            String pointer = childPointer(stack, pendingKey);
            pendingKey = null;
            JsonLocation location = parser.currentTokenLocation();
            positions.putIfAbsent(pointer, new Position(location.getLineNr(), location.getColumnNr()));
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                stack.push(new Frame(pointer, token == JsonToken.START_ARRAY));
            }
        }
    }

    private static String childPointer(Deque<Frame> stack, @Nullable String key) {
        Frame parent = stack.peek();
        if (parent == null) {
            return "";
        }
        if (parent.array) {
            return parent.pointer + "/" + parent.nextIndex++;
        }
        return parent.pointer + "/" + escape(key == null ? "" : key);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static final class Frame {
        final String pointer;
        final boolean array;
        int nextIndex;

        Frame(String pointer, boolean array) {
            this.pointer = pointer;
            this.array = array;
        }
    }
}
