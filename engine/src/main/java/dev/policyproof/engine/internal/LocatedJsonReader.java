package dev.policyproof.engine.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.policyproof.engine.PolicyParseException;
import dev.policyproof.engine.Problem;
import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.internal.JsonValue.JsonArray;
import dev.policyproof.engine.internal.JsonValue.JsonBoolean;
import dev.policyproof.engine.internal.JsonValue.JsonNull;
import dev.policyproof.engine.internal.JsonValue.JsonNumber;
import dev.policyproof.engine.internal.JsonValue.JsonObject;
import dev.policyproof.engine.internal.JsonValue.JsonString;
import dev.policyproof.engine.internal.JsonValue.Member;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON document into a {@link JsonValue} tree with locations. Duplicate object keys, comments, trailing
 * commas and trailing content are errors, because IAM rejects them or, for duplicate keys, silently keeps one.
 */
public final class LocatedJsonReader {

    /** IAM's largest managed policy is 6,144 characters and resource policies stay far below this depth. */
    private static final int MAX_NESTING_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .build())
            .build();

    private final String source;
    private final int lineOffset;

    private LocatedJsonReader(String source, int lineOffset) {
        this.source = source;
        this.lineOffset = lineOffset;
    }

    /**
     * Parses {@code text} as a single JSON value.
     *
     * @throws PolicyParseException if the text is not valid JSON or repeats a key in an object
     */
    public static JsonValue read(String source, String text) {
        return read(source, text, 1);
    }

    /**
     * Parses {@code text}, which starts at line {@code firstLine} of {@code source}, as one line of a JSON-lines file
     * does.
     *
     * @throws PolicyParseException if the text is not valid JSON or repeats a key in an object
     */
    public static JsonValue read(String source, String text, int firstLine) {
        if (text.startsWith("\uFEFF")) {
            throw new PolicyParseException(List.of(new Problem("invalid-json", "the text starts with a byte order "
                    + "mark (U+FEFF), which JSON does not allow. Save the file as UTF-8 without a byte order mark",
                    new SourceLocation(source, firstLine, 1, ""))));
        }
        LocatedJsonReader reader = new LocatedJsonReader(source, firstLine - 1);
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw reader.error("invalid-json", "the document is empty; expected a JSON object", parser, "");
            }
            JsonValue root = reader.readValue(parser, "");
            if (parser.nextToken() != null) {
                throw reader.error(
                        "invalid-json",
                        "unexpected content after the end of the JSON document; a policy file holds one object",
                        parser,
                        "");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr() + firstLine - 1;
            int column = at == null ? 0 : at.getColumnNr();
            throw new PolicyParseException(List.of(new Problem(
                    "invalid-json",
                    "invalid JSON: " + e.getOriginalMessage(),
                    new SourceLocation(source, line, column, ""))));
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string failed", e);
        }
    }

    private JsonValue readValue(JsonParser parser, String pointer) throws IOException {
        SourceLocation location = locationOf(parser, pointer);
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> readObject(parser, pointer, location);
            case START_ARRAY -> readArray(parser, pointer, location);
            case VALUE_STRING -> new JsonString(parser.getText(), location);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonNumber(parser.getText(), location);
            case VALUE_TRUE -> new JsonBoolean(true, location);
            case VALUE_FALSE -> new JsonBoolean(false, location);
            case VALUE_NULL -> new JsonNull(location);
            default -> throw error("invalid-json", "unexpected JSON token " + token, parser, pointer);
        };
    }

    private JsonObject readObject(JsonParser parser, String pointer, SourceLocation location) throws IOException {
        Map<String, Member> members = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            String memberPointer = pointer + "/" + escape(key);
            SourceLocation keyLocation = locationOf(parser, memberPointer);
            Member earlier = members.get(key);
            if (earlier != null) {
                throw new PolicyParseException(List.of(new Problem(
                        "duplicate-key",
                        "duplicate key \"" + key + "\" (first at line " + earlier.keyLocation().line()
                                + "); JSON parsers keep only one of them, so remove or merge the duplicate",
                        keyLocation)));
            }
            parser.nextToken();
            members.put(key, new Member(key, keyLocation, readValue(parser, memberPointer)));
        }
        return new JsonObject(members, location);
    }

    private JsonArray readArray(JsonParser parser, String pointer, SourceLocation location) throws IOException {
        List<JsonValue> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            elements.add(readValue(parser, pointer + "/" + elements.size()));
        }
        return new JsonArray(elements, location);
    }

    private SourceLocation locationOf(JsonParser parser, String pointer) {
        JsonLocation at = parser.currentTokenLocation();
        return new SourceLocation(source, at.getLineNr() + lineOffset, at.getColumnNr(), pointer);
    }

    private PolicyParseException error(String code, String message, JsonParser parser, String pointer) {
        return new PolicyParseException(List.of(new Problem(code, message, locationOf(parser, pointer))));
    }

    /** Escapes a key for a JSON pointer as RFC 6901 requires. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
