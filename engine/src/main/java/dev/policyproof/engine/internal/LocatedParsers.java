package dev.policyproof.engine.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * JSON and YAML parser factories that share one nesting depth and document length limit, for
 * {@link LocatedYamlReader}.
 */
public final class LocatedParsers {

    private final JsonFactory json;

    private final YAMLFactory yaml;

    /**
     * Creates factories with the given limits.
     *
     * @param maxNestingDepth the maximum depth of nested mappings and sequences
     * @param maxCodePoints the maximum document length in code points
     */
    public LocatedParsers(int maxNestingDepth, int maxCodePoints) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth)
                .maxDocumentLength(maxCodePoints)
                .build();
        json = JsonFactory.builder().streamReadConstraints(constraints).build();
        // NOTE: Jackson 2.23 reads YAML as a stream of SnakeYAML parser events and never composes nodes, so
        // SnakeYAML does not enforce its alias and nesting limits on this path (only the code point limit). They
        // are set for any future use of a composer. LocatedYamlReader rejects anchors and aliases itself, and
        // StreamReadConstraints limits the nesting.
        // Both callers expect EMPTY_STRING_AS_NULL, the Jackson 2.23 default, so it is set explicitly.
        yaml = YAMLFactory.builder()
                .loaderOptions(loaderOptions(maxNestingDepth, maxCodePoints))
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .streamReadConstraints(constraints)
                .build();
    }

    private static LoaderOptions loaderOptions(int maxNestingDepth, int maxCodePoints) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(maxNestingDepth);
        options.setCodePointLimit(maxCodePoints);
        // Duplicate keys stay allowed here because LocatedYamlReader rejects them with the line of the first one.
        options.setAllowDuplicateKeys(true);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    JsonParser createParser(String text, boolean json) throws IOException {
        return json ? this.json.createParser(text) : yaml.createParser(text);
    }
}
