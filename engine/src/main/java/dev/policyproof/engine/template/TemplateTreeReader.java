package dev.policyproof.engine.template;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.policyproof.engine.Problem;
import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.internal.LocatedParsers;
import dev.policyproof.engine.internal.LocatedTreeBuilder;
import dev.policyproof.engine.internal.LocatedYamlReader;
import dev.policyproof.engine.template.TemplateValue.Mapping;
import dev.policyproof.engine.template.TemplateValue.Null;
import dev.policyproof.engine.template.TemplateValue.Scalar;
import dev.policyproof.engine.template.TemplateValue.ScalarType;
import dev.policyproof.engine.template.TemplateValue.Sequence;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a CloudFormation template in YAML or JSON into a {@link TemplateValue} tree with locations. Jackson's
 * {@code readTree} drops YAML tags, so {@code !Ref Bucket} would read as the string {@code "Bucket"}; this reader
 * asks {@link YAMLParser#getTypeId()} for the tag of every value and turns each short form into its long form.
 * Anchors, aliases, duplicate keys and tags other than the CloudFormation short forms are errors.
 */
final class TemplateTreeReader implements LocatedTreeBuilder<TemplateValue> {

    /** Templates nest policies about 15 levels deep; far deeper input is crafted, so it stops early. */
    static final int MAX_NESTING_DEPTH = 100;

    /** CloudFormation accepts template bodies up to 1 MB (AWS CloudFormation quotas), so nothing valid is larger. */
    static final int MAX_CODE_POINTS = 1_048_576;

    /** Short forms whose long form is {@code Fn::} and the tag name; {@code Ref} and {@code Condition} keep theirs. */
    private static final Set<String> FUNCTIONS = Set.of("Sub", "GetAtt", "Join", "If", "Select", "Split", "FindInMap",
            "ImportValue", "GetAZs", "Base64", "Cidr", "Equals", "And", "Or", "Not", "Length", "ToJsonString",
            "Transform");

    private static final String STRING_TAG = "tag:yaml.org,2002:str";

    private static final LocatedParsers PARSERS = new LocatedParsers(MAX_NESTING_DEPTH, MAX_CODE_POINTS);

    private static final TemplateTreeReader BUILDER = new TemplateTreeReader();

    private TemplateTreeReader() {}

    /**
     * Parses {@code text} as one template document.
     *
     * @param source the template name as messages print it; a name ending in {@code .json} selects the JSON parser
     * @throws TemplateException if the text is not one valid document within the limits
     */
    static TemplateValue read(String source, String text) {
        if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            throw BUILDER.problem("limit-exceeded", "the template has more than " + MAX_CODE_POINTS + " characters, "
                    + "above the 1 MB CloudFormation accepts; split it into nested stacks",
                    new SourceLocation(source, 0, 0, ""));
        }
        LocatedYamlReader<TemplateValue> reader = new LocatedYamlReader<>(source, PARSERS, BUILDER);
        try {
            return reader.read(text);
        } catch (YAMLException e) {
            // SnakeYAML errors that Jackson does not wrap carry no position, so they point at the last value read.
            throw BUILDER.problem("invalid-syntax", "invalid YAML: " + LocatedYamlReader.firstLine(e.getMessage()),
                    reader.lastValueLocation());
        }
    }

    @Override
    public TemplateValue scalar(JsonToken token, String text, SourceLocation location) {
        return switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Scalar(text, ScalarType.NUMBER, location, null);
            case VALUE_TRUE, VALUE_FALSE ->
                new Scalar(String.valueOf(token == JsonToken.VALUE_TRUE), ScalarType.BOOLEAN, location, null);
            default -> Scalar.string(text, location);
        };
    }

    @Override
    public TemplateValue nullValue(SourceLocation location) {
        return new Null(location);
    }

    @Override
    public TemplateValue mapping(List<Entry<TemplateValue>> entries, SourceLocation location) {
        Map<String, TemplateValue.Entry> values = new LinkedHashMap<>();
        for (Entry<TemplateValue> entry : entries) {
            values.put(entry.key(), new TemplateValue.Entry(entry.key(), entry.keyLocation(), entry.value()));
        }
        return new Mapping(values, location);
    }

    @Override
    public TemplateValue sequence(List<TemplateValue> elements, SourceLocation location) {
        return new Sequence(elements, location);
    }

    /** Reads {@code !!str} values as strings and each CloudFormation short form as its long form. */
    @Override
    public TemplateValue tagged(String tag, TaggedValue<TemplateValue> value, SourceLocation location)
            throws IOException {
        if (!tag.equals(STRING_TAG)) {
            return readShortForm(tag, value, location);
        }
        return switch (value.token()) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL ->
                Scalar.string(value.text(), location);
            default -> value.readUntagged(location.pointer());
        };
    }

    /** Reads {@code !Tag value} as {@code {Fn::Tag: value}}, splitting {@code !GetAtt A.B} at its first dot. */
    private TemplateValue readShortForm(String tag, TaggedValue<TemplateValue> value, SourceLocation location)
            throws IOException {
        String name;
        if (tag.equals("Ref") || tag.equals("Condition")) {
            name = tag;
        } else if (FUNCTIONS.contains(tag)) {
            name = "Fn::" + tag;
        } else {
            throw problem("unsupported-tag", "unsupported YAML tag !" + tag + "; use a CloudFormation short form such "
                    + "as !Ref or !Sub, or quote the value if it is a string", location);
        }
        String argumentPointer = childPath(location.pointer(), name);
        TemplateValue argument = readArgument(value, argumentPointer, location);
        if (name.equals("Fn::GetAtt") && argument instanceof Scalar scalar) {
            argument = splitAttribute(scalar);
        }
        Map<String, TemplateValue.Entry> entries = Map.of(name, new TemplateValue.Entry(name, location, argument));
        return new Mapping(entries, location);
    }

    private static TemplateValue readArgument(TaggedValue<TemplateValue> value, String pointer,
            SourceLocation tagLocation) throws IOException {
        SourceLocation location = new SourceLocation(tagLocation.source(), tagLocation.line(), tagLocation.column(),
                pointer);
        return switch (value.token()) {
            case START_OBJECT, START_ARRAY -> value.readUntagged(pointer);
            // A tagged plain scalar is a string argument: !GetAZs '' or !Ref 5 both name text.
            case VALUE_NULL -> Scalar.string("", location);
            default -> Scalar.string(value.text(), location);
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

    @Override
    public String childPath(String parent, String key) {
        return parent + "/" + escape(key);
    }

    @Override
    public String elementPath(String parent, int index) {
        return parent + "/" + index;
    }

    /** Escapes a key for a JSON pointer as RFC 6901 requires. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    @Override
    public TemplateException problem(String code, String message, SourceLocation location) {
        return new TemplateException(List.of(new Problem(code, message, location)));
    }

    @Override
    public String emptyDocumentMessage() {
        return "the template is empty; it needs at least a Resources section";
    }

    @Override
    public String severalDocumentsMessage() {
        return "invalid content after the first document: a template is one document, so remove the extra \"---\"";
    }

    @Override
    public String limitAdvice() {
        return "simplify the template";
    }

    /** Points at the last value read, the nearest position known. */
    @Override
    public SourceLocation unlocatedErrorLocation(SourceLocation lastValue) {
        return lastValue;
    }
}
