package dev.policyproof.engine.check;

import com.fasterxml.jackson.core.JsonToken;
import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.internal.LocatedParsers;
import dev.policyproof.engine.internal.LocatedTreeBuilder;
import dev.policyproof.engine.internal.LocatedYamlReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML or JSON document into a {@link LocatedNode} tree. A file whose name ends in {@code .json} is read
 * with the JSON parser, whose errors are more precise; anything else is read as YAML. Duplicate keys, several
 * documents in one file, YAML anchors, aliases and tags are errors, because each would make the file mean something
 * other than what it shows.
 */
final class LocatedTreeReader implements LocatedTreeBuilder<LocatedNode> {

    /** Deeper than any valid checks file (8 levels), low enough to stop a crafted file early. */
    static final int MAX_NESTING_DEPTH = 32;

    /** About a megabyte of text: far above any real checks file, low enough to fail fast on a runaway one. */
    static final int MAX_CODE_POINTS = 1_000_000;

    private static final LocatedParsers PARSERS = new LocatedParsers(MAX_NESTING_DEPTH, MAX_CODE_POINTS);

    private static final LocatedTreeReader BUILDER = new LocatedTreeReader();

    private LocatedTreeReader() {}

    /**
     * Parses {@code text}, the content of {@code file}, as a single document.
     *
     * @param file the file name as messages print it; its extension selects JSON or YAML
     * @throws ChecksFileException if the text is not one valid document
     */
    static LocatedNode read(String file, String text) {
        return new LocatedYamlReader<>(file, PARSERS, BUILDER).read(text);
    }

    @Override
    public LocatedNode scalar(JsonToken token, String text, SourceLocation location) {
        return new LocatedNode.Scalar(text, location.line(), location.column(), location.pointer());
    }

    @Override
    public LocatedNode nullValue(SourceLocation location) {
        return new LocatedNode.Null(location.line(), location.column(), location.pointer());
    }

    @Override
    public LocatedNode mapping(List<Entry<LocatedNode>> entries, SourceLocation location) {
        Map<String, LocatedNode.Entry> nodes = new LinkedHashMap<>();
        for (Entry<LocatedNode> entry : entries) {
            SourceLocation key = entry.keyLocation();
            nodes.put(entry.key(), new LocatedNode.Entry(entry.key(), key.line(), key.column(), entry.value()));
        }
        return new LocatedNode.Mapping(nodes, location.line(), location.column(), location.pointer());
    }

    @Override
    public LocatedNode sequence(List<LocatedNode> elements, SourceLocation location) {
        return new LocatedNode.Sequence(elements, location.line(), location.column(), location.pointer());
    }

    @Override
    public LocatedNode tagged(String tag, TaggedValue<LocatedNode> value, SourceLocation location) {
        throw problem("yaml-tag", "YAML tag " + tag + " is not supported; remove it, and quote the value if it must "
                + "stay a string", location);
    }

    @Override
    public String childPath(String parent, String key) {
        return LocatedNode.childPath(parent, key);
    }

    @Override
    public String elementPath(String parent, int index) {
        return LocatedNode.elementPath(parent, index);
    }

    @Override
    public ChecksFileException problem(String code, String message, SourceLocation location) {
        return new ChecksFileException(List.of(new ChecksFileProblem(code, message, location.source(),
                location.line(), location.column(), location.pointer())));
    }

    @Override
    public String emptyDocumentMessage() {
        return "the checks file is empty; declare policies and checks";
    }

    @Override
    public String severalDocumentsMessage() {
        return "invalid content after the first document: a checks file contains one document, so merge the "
                + "documents or remove the extra \"---\"";
    }

    @Override
    public String limitAdvice() {
        return "simplify the checks file";
    }

    /** Reports no position (line 0) instead of the last value read. */
    @Override
    public SourceLocation unlocatedErrorLocation(SourceLocation lastValue) {
        return new SourceLocation(lastValue.source(), 0, 0, "");
    }
}
