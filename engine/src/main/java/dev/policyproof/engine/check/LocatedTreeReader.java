package dev.policyproof.engine.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.policyproof.engine.check.LocatedNode.Entry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML or JSON document into a {@link LocatedNode} tree. A file whose name ends in {@code .json} is read
 * with the JSON parser, whose errors are more precise; anything else is read as YAML. Duplicate keys, several
 * documents in one file, YAML anchors, aliases and tags are errors, because each would make the file mean something
 * other than what it shows.
 */
final class LocatedTreeReader {

    /** Deeper than any valid checks file (8 levels), low enough to stop a crafted file early. */
    static final int MAX_NESTING_DEPTH = 32;

    /** About a megabyte of text: far above any real checks file, low enough to fail fast on a runaway one. */
    static final int MAX_CODE_POINTS = 1_000_000;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxDocumentLength(MAX_CODE_POINTS)
            .build();

    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();

    // NOTE: Jackson 2.23 reads YAML as a stream of SnakeYAML parser events and never composes nodes, so SnakeYAML
    // does not enforce the alias and nesting limits below on this path (only the code point limit). They are set
    // for any future use of a composer; this reader rejects anchors and aliases itself, and StreamReadConstraints
    // limits the nesting.
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .streamReadConstraints(CONSTRAINTS)
            .build();

    private final String file;

    /** Position of the last value read, where a limit error points because Jackson's exception has none. */
    private int lastLine;

    private int lastColumn;

    private LocatedTreeReader(String file) {
        this.file = file;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        // Duplicate keys stay allowed here because readMapping rejects them with the line of the first one.
        options.setAllowDuplicateKeys(true);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /**
     * Parses {@code text}, the content of {@code file}, as a single document.
     *
     * @param file the file name as messages print it; its extension selects JSON or YAML
     * @throws ChecksFileException if the text is not one valid document
     */
    static LocatedNode read(String file, String text) {
        LocatedTreeReader reader = new LocatedTreeReader(file);
        boolean json = file.toLowerCase(Locale.ROOT).endsWith(".json");
        try (JsonParser parser = json ? JSON.createParser(text) : YAML.createParser(text)) {
            return reader.readDocument(parser);
        } catch (StreamConstraintsException e) {
            throw reader.error("limit-exceeded", e.getOriginalMessage() + "; simplify the checks file",
                    reader.lastLine, reader.lastColumn, "");
        } catch (JsonProcessingException e) {
            throw reader.syntaxError(e, json);
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string failed", e);
        }
    }

    private LocatedNode readDocument(JsonParser parser) throws IOException {
        if (parser.nextToken() == null) {
            throw error("empty-file", "the checks file is empty; declare policies and checks", 0, 0, "");
        }
        LocatedNode root = readValue(parser, "");
        if (parser.nextToken() != null) {
            JsonLocation at = parser.currentTokenLocation();
            throw error("several-documents", "invalid content after the first document: a checks file contains one "
                    + "document, so merge the documents or remove the extra \"---\"", at.getLineNr(),
                    at.getColumnNr(), "");
        }
        return root;
    }

    private LocatedNode readValue(JsonParser parser, String path) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        lastLine = line;
        lastColumn = column;
        rejectYamlFeatures(parser, line, column, path);
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> readMapping(parser, path, line, column);
            case START_ARRAY -> readSequence(parser, path, line, column);
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
                new LocatedNode.Scalar(parser.getText(), line, column, path);
            case VALUE_NULL -> new LocatedNode.Null(line, column, path);
            default -> throw error("invalid-syntax", "unexpected token " + token, line, column, path);
        };
    }

    private LocatedNode readMapping(JsonParser parser, String path, int line, int column) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation at = parser.currentTokenLocation();
            String keyPath = LocatedNode.childPath(path, key);
            Entry earlier = entries.get(key);
            if (earlier != null) {
                throw error("duplicate-key", "duplicate key \"" + key + "\" (first at line " + earlier.line()
                        + "); parsers keep only one of them, so remove or merge the duplicate",
                        at.getLineNr(), at.getColumnNr(), keyPath);
            }
            parser.nextToken();
            entries.put(key, new Entry(key, at.getLineNr(), at.getColumnNr(), readValue(parser, keyPath)));
        }
        return new LocatedNode.Mapping(entries, line, column, path);
    }

    private LocatedNode readSequence(JsonParser parser, String path, int line, int column) throws IOException {
        List<LocatedNode> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            elements.add(readValue(parser, LocatedNode.elementPath(path, elements.size())));
        }
        return new LocatedNode.Sequence(elements, line, column, path);
    }

    private void rejectYamlFeatures(JsonParser parser, int line, int column, String path) throws IOException {
        if (!(parser instanceof YAMLParser yaml)) {
            return;
        }
        if (yaml.isCurrentAlias()) {
            throw error("yaml-alias", "YAML alias *" + yaml.getText() + " is not supported; write the value out "
                    + "in full", line, column, path);
        }
        if (yaml.getObjectId() != null) {
            throw error("yaml-anchor", "YAML anchor &" + yaml.getObjectId() + " is not supported; remove it and "
                    + "write repeated values out in full", line, column, path);
        }
        if (yaml.getTypeId() != null) {
            throw error("yaml-tag", "YAML tag " + yaml.getTypeId() + " is not supported; remove it, and quote the "
                    + "value if it must stay a string", line, column, path);
        }
    }

    private ChecksFileException syntaxError(JsonProcessingException e, boolean json) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
            return error("invalid-syntax", "invalid YAML, " + context + marked.getProblem(),
                    marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1, "");
        }
        JsonLocation at = e.getLocation();
        String message = (json ? "invalid JSON: " : "invalid YAML: ") + firstLine(e.getOriginalMessage());
        return error("invalid-syntax", message, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "");
    }

    private static String firstLine(@Nullable String text) {
        if (text == null) {
            return "unreadable input";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end).strip();
    }

    private ChecksFileException error(String code, String message, int line, int column, String path) {
        return new ChecksFileException(List.of(new ChecksFileProblem(code, message, file, line, column, path)));
    }
}
