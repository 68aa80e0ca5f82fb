package dev.policyproof.engine.internal;

import dev.policyproof.engine.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * JSON tree that keeps the source location of every value and the location of every object key, which Jackson's
 * {@code JsonNode} does not.
 */
public sealed interface JsonValue {

    SourceLocation location();

    /** Names the JSON type as error messages print it. */
    String typeName();

    record JsonObject(Map<String, Member> members, SourceLocation location) implements JsonValue {
        @Override
        public String typeName() {
            return "an object";
        }
    }

    /** An object member with the location of its key, which is where errors about the key point. */
    record Member(String key, SourceLocation keyLocation, JsonValue value) {}

    record JsonArray(List<JsonValue> elements, SourceLocation location) implements JsonValue {
        @Override
        public String typeName() {
            return "an array";
        }
    }

    record JsonString(String value, SourceLocation location) implements JsonValue {
        @Override
        public String typeName() {
            return "a string";
        }
    }

    /** A number, kept as written so that {@code 1.50} stays {@code "1.50"}. */
    record JsonNumber(String text, SourceLocation location) implements JsonValue {
        @Override
        public String typeName() {
            return "a number";
        }
    }

    record JsonBoolean(boolean value, SourceLocation location) implements JsonValue {
        @Override
        public String typeName() {
            return "a boolean";
        }
    }

    record JsonNull(SourceLocation location) implements JsonValue {
        @Override
        public String typeName() {
            return "null";
        }
    }
}
