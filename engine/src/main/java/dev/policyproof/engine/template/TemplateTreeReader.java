package dev.policyproof.engine.template;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.policyproof.engine.Problem;
import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.template.TemplateValue.Entry;
import dev.policyproof.engine.template.TemplateValue.Mapping;
import dev.policyproof.engine.template.TemplateValue.Null;
import dev.policyproof.engine.template.TemplateValue.Scalar;
import dev.policyproof.engine.template.TemplateValue.ScalarType;
import dev.policyproof.engine.template.TemplateValue.Sequence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a CloudFormation template in YAML or JSON into a {@link TemplateValue} tree with locations. Jackson's
 * {@code readTree} drops YAML tags, so {@code !Ref Bucket} would read as the string {@code "Bucket"}; this reader
 * asks {@link YAMLParser#getTypeId()} for the tag of every value and turns each short form into its long form.
 * Anchors, aliases, duplicate keys and tags other than the CloudFormation short forms are errors.
 */
final class TemplateTreeReader {

    /** Templates nest policies about 15 levels deep; far deeper input is crafted, so it stops early. */
    static final int MAX_NESTING_DEPTH = 100;

    /** CloudFormation accepts template bodies up to 1 MB (AWS CloudFormation quotas), so nothing valid is larger. */
    static final int MAX_CODE_POINTS = 1_048_576;

    /** Short forms whose long form is {@code Fn::} and the tag name; {@code Ref} and {@code Condition} keep theirs. */
    private static final Set<String> FUNCTIONS = Set.of("Sub", "GetAtt", "Join", "If", "Select", "Split", "FindInMap",
            "ImportValue", "GetAZs", "Base64", "Cidr", "Equals", "And", "Or", "Not", "Length", "ToJsonString",
            "Transform");

    private static final String STRING_TAG = "tag:yaml.org,2002:str";

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxDocumentLength(MAX_CODE_POINTS)
            .build();

    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();

    // NOTE: Jackson reads YAML as a stream of SnakeYAML events and never composes nodes, so of the SnakeYAML limits
    // only the code point limit takes effect here. This reader rejects the first anchor or alias itself, and
    // StreamReadConstraints limits the nesting.
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(CONSTRAINTS)
            .build();

    private final String source;
    private int lastLine;
    private int lastColumn;

    private TemplateTreeReader(String source) {
        this.source = source;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowDuplicateKeys(true);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /**
     * Parses {@code text} as one template document.
     *
     * @param source the template name as messages print it; a name ending in {@code .json} selects the JSON parser
     * @throws TemplateException if the text is not one valid document within the limits
     */
    static TemplateValue read(String source, String text) {
        TemplateTreeReader reader = new TemplateTreeReader(source);
        boolean json = source.toLowerCase(Locale.ROOT).endsWith(".json");
        if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            throw reader.error("limit-exceeded", "the template has more than " + MAX_CODE_POINTS + " characters, "
                    + "above the 1 MB CloudFormation accepts; split it into nested stacks", 0, 0, "");
        }
        try (JsonParser parser = json ? JSON.createParser(text) : YAML.createParser(text)) {
            return reader.readDocument(parser);
        } catch (StreamConstraintsException e) {
            throw reader.error("limit-exceeded", e.getOriginalMessage() + "; simplify the template",
                    reader.lastLine, reader.lastColumn, "");
        } catch (JsonProcessingException e) {
            throw reader.syntaxError(e, json);
        } catch (YAMLException e) {
            throw reader.error("invalid-syntax", "invalid YAML: " + firstLine(e.getMessage()), reader.lastLine,
                    reader.lastColumn, "");
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string failed", e);
        }
    }

    private TemplateValue readDocument(JsonParser parser) throws IOException {
        if (parser.nextToken() == null) {
            throw error("empty-file", "the template is empty; it needs at least a Resources section", 0, 0, "");
        }
        TemplateValue root = readValue(parser, "");
        if (parser.nextToken() != null) {
            JsonLocation at = parser.currentTokenLocation();
            throw error("several-documents", "invalid content after the first document: a template is one document, "
                    + "so remove the extra \"---\"", at.getLineNr(), at.getColumnNr(), "");
        }
        return root;
    }

    private TemplateValue readValue(JsonParser parser, String pointer) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        lastLine = at.getLineNr();
        lastColumn = at.getColumnNr();
        SourceLocation location = new SourceLocation(source, lastLine, lastColumn, pointer);
        String tag = tagOf(parser, location);
        if (tag != null && !tag.equals(STRING_TAG)) {
            return readShortForm(parser, tag, pointer, location);
        }
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> readMapping(parser, pointer, location);
            case START_ARRAY -> readSequence(parser, pointer, location);
            case VALUE_STRING -> Scalar.string(parser.getText(), location);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> tag != null
                    ? Scalar.string(parser.getText(), location)
                    : new Scalar(parser.getText(), ScalarType.NUMBER, location, null);
            case VALUE_TRUE, VALUE_FALSE -> tag != null
                    ? Scalar.string(parser.getText(), location)
                    : new Scalar(String.valueOf(token == JsonToken.VALUE_TRUE), ScalarType.BOOLEAN, location, null);
            case VALUE_NULL -> tag != null ? Scalar.string(parser.getText(), location) : new Null(location);
            default -> throw error("invalid-syntax", "unexpected token " + token, location);
        };
    }

    /** Reads {@code !Tag value} as {@code {Fn::Tag: value}}, splitting {@code !GetAtt A.B} at its first dot. */
    private TemplateValue readShortForm(JsonParser parser, String tag, String pointer, SourceLocation location)
            throws IOException {
        String name;
        if (tag.equals("Ref") || tag.equals("Condition")) {
            name = tag;
        } else if (FUNCTIONS.contains(tag)) {
            name = "Fn::" + tag;
        } else {
            throw error("unsupported-tag", "unsupported YAML tag !" + tag + "; use a CloudFormation short form such "
                    + "as !Ref or !Sub, or quote the value if it is a string", location);
        }
        String argumentPointer = pointer + "/" + escape(name);
        TemplateValue argument = readUntagged(parser, argumentPointer, location);
        if (name.equals("Fn::GetAtt") && argument instanceof Scalar scalar) {
            argument = splitAttribute(scalar);
        }
        Map<String, Entry> entries = Map.of(name, new Entry(name, location, argument));
        return new Mapping(entries, location);
    }

    private TemplateValue readUntagged(JsonParser parser, String pointer, SourceLocation tagLocation)
            throws IOException {
        SourceLocation location = new SourceLocation(source, tagLocation.line(), tagLocation.column(), pointer);
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> readMapping(parser, pointer, location);
            case START_ARRAY -> readSequence(parser, pointer, location);
            // A tagged plain scalar is a string argument: !GetAZs '' or !Ref 5 both name text.
            case VALUE_NULL -> Scalar.string("", location);
            default -> Scalar.string(parser.getText(), location);
        };
    }

    private static TemplateValue splitAttribute(Scalar scalar) {
        int dot = scalar.text().indexOf('.');
        if (dot < 0) {
            return scalar;
        }
        SourceLocation at = scalar.location();
        return new Sequence(List.of(
                Scalar.string(scalar.text().substring(0, dot), at),
                Scalar.string(scalar.text().substring(dot + 1), at)), at);
    }

    private Mapping readMapping(JsonParser parser, String pointer, SourceLocation location) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation at = parser.currentTokenLocation();
            String keyPointer = pointer + "/" + escape(key);
            SourceLocation keyLocation = new SourceLocation(source, at.getLineNr(), at.getColumnNr(), keyPointer);
            Entry earlier = entries.get(key);
            if (earlier != null) {
                throw error("duplicate-key", "duplicate key \"" + key + "\" (first at line "
                        + earlier.keyLocation().line() + "); parsers keep only one of them, so remove or merge the "
                        + "duplicate", keyLocation);
            }
            parser.nextToken();
            entries.put(key, new Entry(key, keyLocation, readValue(parser, keyPointer)));
        }
        return new Mapping(entries, location);
    }

    private Sequence readSequence(JsonParser parser, String pointer, SourceLocation location) throws IOException {
        List<TemplateValue> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            elements.add(readValue(parser, pointer + "/" + elements.size()));
        }
        return new Sequence(elements, location);
    }

    /** Returns the value's YAML tag without its {@code !}, after rejecting anchors and aliases. */
    private @Nullable String tagOf(JsonParser parser, SourceLocation location) throws IOException {
        if (!(parser instanceof YAMLParser yaml)) {
            return null;
        }
        if (yaml.isCurrentAlias()) {
            throw error("yaml-alias", "YAML alias *" + yaml.getText() + " is not supported; write the value out in "
                    + "full", location);
        }
        if (yaml.getObjectId() != null) {
            throw error("yaml-anchor", "YAML anchor &" + yaml.getObjectId() + " is not supported; remove it and write "
                    + "repeated values out in full", location);
        }
        return yaml.getTypeId();
    }

    private TemplateException syntaxError(JsonProcessingException e, boolean json) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
            return error("invalid-syntax", "invalid YAML, " + context + marked.getProblem(),
                    marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1, "");
        }
        JsonLocation at = e.getLocation();
        String message = (json ? "invalid JSON: " : "invalid YAML: ") + firstLine(e.getOriginalMessage());
        return error("invalid-syntax", message, at == null ? lastLine : at.getLineNr(),
                at == null ? lastColumn : at.getColumnNr(), "");
    }

    private static String firstLine(@Nullable String text) {
        if (text == null) {
            return "unreadable input";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end).strip();
    }

    /** Escapes a key for a JSON pointer as RFC 6901 requires. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private TemplateException error(String code, String message, SourceLocation location) {
        return new TemplateException(List.of(new Problem(code, message, location)));
    }

    private TemplateException error(String code, String message, int line, int column, String pointer) {
        return error(code, message, new SourceLocation(source, line, column, pointer));
    }
}
