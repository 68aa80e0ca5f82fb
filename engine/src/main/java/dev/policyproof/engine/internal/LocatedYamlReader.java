package dev.policyproof.engine.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.internal.LocatedTreeBuilder.Entry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads one YAML or JSON document with Jackson's streaming parser into a tree that a {@link LocatedTreeBuilder}
 * builds, keeping the line and column of every value. A source whose name ends in {@code .json} is read with the
 * JSON parser, whose errors are more precise, and anything else is read as YAML. Duplicate keys, several documents,
 * YAML anchors and aliases are errors, because each would make the file mean something other than what it shows.
 * The builder decides which YAML tags it accepts. Every error is one problem that the builder creates.
 */
public final class LocatedYamlReader<V> {

    private final String source;

    private final boolean json;

    private final LocatedParsers parsers;

    private final LocatedTreeBuilder<V> builder;

    /** Position of the last value read, where a limit error points because Jackson's exception has none. */
    private int lastLine;

    private int lastColumn;

    /**
     * Creates a reader for one document.
     *
     * @param source the source name as messages print it, whose extension selects JSON or YAML
     */
    public LocatedYamlReader(String source, LocatedParsers parsers, LocatedTreeBuilder<V> builder) {
        this.source = source;
        this.json = source.toLowerCase(Locale.ROOT).endsWith(".json");
        this.parsers = parsers;
        this.builder = builder;
    }

    /**
     * Parses {@code text} as a single document.
     *
     * @throws RuntimeException the exception that the builder creates if the text is not one valid document
     *     within the limits, or that the builder throws itself
     */
    public V read(String text) {
        try (JsonParser parser = parsers.createParser(text, json)) {
            return readDocument(parser);
        } catch (StreamConstraintsException e) {
            throw builder.problem("limit-exceeded", e.getOriginalMessage() + "; " + builder.limitAdvice(),
                    lastValueLocation());
        } catch (JsonProcessingException e) {
            throw syntaxError(e, text);
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string failed", e);
        }
    }

    /** Returns the line and column of the last value read, with an empty path, or line 0 before the first. */
    public SourceLocation lastValueLocation() {
        return new SourceLocation(source, lastLine, lastColumn, "");
    }

    /** Returns the first line of a parser message, stripped, or a placeholder if there is no message. */
    public static String firstLine(@Nullable String text) {
        if (text == null) {
            return "unreadable input";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end).strip();
    }

    private V readDocument(JsonParser parser) throws IOException {
        if (parser.nextToken() == null) {
            throw builder.problem("empty-file", builder.emptyDocumentMessage(), locate(0, 0, ""));
        }
        V root = readValue(parser, "");
        if (parser.nextToken() != null) {
            JsonLocation at = parser.currentTokenLocation();
            throw builder.problem("several-documents", builder.severalDocumentsMessage(),
                    locate(at.getLineNr(), at.getColumnNr(), ""));
        }
        return root;
    }

    private V readValue(JsonParser parser, String path) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        lastLine = at.getLineNr();
        lastColumn = at.getColumnNr();
        SourceLocation location = locate(lastLine, lastColumn, path);
        String tag = tagOf(parser, location);
        if (tag != null) {
            return builder.tagged(tag, new TaggedValue(parser, location), location);
        }
        return readUntagged(parser, location);
    }

    private V readUntagged(JsonParser parser, SourceLocation location) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> readMapping(parser, location);
            case START_ARRAY -> readSequence(parser, location);
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
                builder.scalar(token, parser.getText(), location);
            case VALUE_NULL -> builder.nullValue(location);
            default -> throw builder.problem("invalid-syntax", "unexpected token " + token, location);
        };
    }

    private V readMapping(JsonParser parser, SourceLocation location) throws IOException {
        Map<String, Entry<V>> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation at = parser.currentTokenLocation();
            String keyPath = builder.childPath(location.pointer(), key);
            SourceLocation keyLocation = locate(at.getLineNr(), at.getColumnNr(), keyPath);
            Entry<V> earlier = entries.get(key);
            if (earlier != null) {
                throw builder.problem("duplicate-key", "duplicate key \"" + key + "\" (first at line "
                        + earlier.keyLocation().line() + "); parsers keep only one of them, so remove or merge the "
                        + "duplicate", keyLocation);
            }
            parser.nextToken();
            entries.put(key, new Entry<>(key, keyLocation, readValue(parser, keyPath)));
        }
        return builder.mapping(new ArrayList<>(entries.values()), location);
    }

    private V readSequence(JsonParser parser, SourceLocation location) throws IOException {
        List<V> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            elements.add(readValue(parser, builder.elementPath(location.pointer(), elements.size())));
        }
        return builder.sequence(elements, location);
    }

    /** Returns the value's YAML tag, or null for none, after rejecting anchors and aliases. */
    private @Nullable String tagOf(JsonParser parser, SourceLocation location) throws IOException {
        if (!(parser instanceof YAMLParser yaml)) {
            return null;
        }
        if (yaml.isCurrentAlias()) {
            throw builder.problem("yaml-alias", "YAML alias *" + yaml.getText() + " is not supported; write the value "
                    + "out in full", location);
        }
        if (yaml.getObjectId() != null) {
            throw builder.problem("yaml-anchor", "YAML anchor &" + yaml.getObjectId() + " is not supported; remove it "
                    + "and write repeated values out in full", location);
        }
        return yaml.getTypeId();
    }

    private RuntimeException syntaxError(JsonProcessingException e, String text) {
        if (e.getCause() instanceof ReaderException unreadable) {
            // Jackson reports these at line 1, so the position comes from SnakeYAML's code point offset instead.
            return builder.problem("invalid-syntax", "invalid YAML: the text contains the character U+"
                    + String.format(Locale.ROOT, "%04X", unreadable.getCodePoint()) + ", which YAML does not allow. "
                    + "Remove it or write it as an escape in a double-quoted string", locateCodePoint(text,
                    unreadable.getPosition()));
        }
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
            return builder.problem("invalid-syntax", "invalid YAML, " + context + marked.getProblem(),
                    locate(marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1, ""));
        }
        JsonLocation at = e.getLocation();
        String message = (json ? "invalid JSON: " : "invalid YAML: ") + firstLine(e.getOriginalMessage());
        SourceLocation location = at == null
                ? builder.unlocatedErrorLocation(lastValueLocation())
                : locate(at.getLineNr(), at.getColumnNr(), "");
        return builder.problem("invalid-syntax", message, location);
    }

    private SourceLocation locateCodePoint(String text, int position) {
        int line = 1;
        int column = 1;
        int offset = 0;
        for (int index = 0; index < position && offset < text.length(); index++) {
            int codePoint = text.codePointAt(offset);
            offset += Character.charCount(codePoint);
            if (codePoint == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return locate(line, column, "");
    }

    private SourceLocation locate(int line, int column, String path) {
        return new SourceLocation(source, line, column, path);
    }

    /** The tagged value at the parser's current token, valid only while the builder's {@code tagged} call runs. */
    private final class TaggedValue implements LocatedTreeBuilder.TaggedValue<V> {

        private final JsonParser parser;

        private final SourceLocation location;

        TaggedValue(JsonParser parser, SourceLocation location) {
            this.parser = parser;
            this.location = location;
        }

        @Override
        public JsonToken token() {
            return parser.currentToken();
        }

        @Override
        public String text() throws IOException {
            return parser.getText();
        }

        @Override
        public V readUntagged(String path) throws IOException {
            return LocatedYamlReader.this.readUntagged(parser,
                    locate(location.line(), location.column(), path));
        }
    }
}
