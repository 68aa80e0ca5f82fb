package dev.policyproof.engine.internal;

import com.fasterxml.jackson.core.JsonToken;
import dev.policyproof.engine.SourceLocation;
import java.io.IOException;
import java.util.List;

/**
 * Builds the caller's node type {@code V} for {@link LocatedYamlReader} and supplies the caller's paths, problem type
 * and wording. Every location passed in carries the source name, the 1-based line and column and the path that
 * {@link #childPath} and {@link #elementPath} built.
 */
public interface LocatedTreeBuilder<V> {

    /** Builds a string, number or boolean from its token and source text. */
    V scalar(JsonToken token, String text, SourceLocation location);

    V nullValue(SourceLocation location);

    /** Builds a mapping from its entries in document order, which have no duplicate keys. */
    V mapping(List<Entry<V>> entries, SourceLocation location);

    V sequence(List<V> elements, SourceLocation location);

    /**
     * Builds a value that carries a YAML tag, or throws a problem if the tag is not supported. Tags come only from
     * YAML, never from JSON.
     *
     * @param tag the tag as {@code YAMLParser.getTypeId()} returns it, such as {@code Ref} for {@code !Ref}
     */
    V tagged(String tag, TaggedValue<V> value, SourceLocation location) throws IOException;

    String childPath(String parent, String key);

    String elementPath(String parent, int index);

    /** Creates the caller's exception for one problem, which the reader then throws. */
    RuntimeException problem(String code, String message, SourceLocation location);

    /** Returns the message for a document with no content at all. */
    String emptyDocumentMessage();

    /** Returns the message for content after the first document, such as a second {@code ---} document. */
    String severalDocumentsMessage();

    /** Returns the advice appended to a limit error after {@code "; "}, such as {@code "simplify the template"}. */
    String limitAdvice();

    /**
     * Returns where a syntax error points when the parser reports no position for it.
     *
     * @param lastValue the location of the last value read, or line 0 if none was read
     */
    SourceLocation unlocatedErrorLocation(SourceLocation lastValue);

    /** A mapping entry with the location of its key, which is where errors about the key point. */
    record Entry<V>(String key, SourceLocation keyLocation, V value) {}

    /** The current value under a tag, which {@link #tagged} reads as the tag requires. */
    interface TaggedValue<V> {

        JsonToken token();

        String text() throws IOException;

        /**
         * Reads the value as if it had no tag, at the tag's line and column with the given path. The children of a
         * mapping or sequence are read as usual, tags included.
         */
        V readUntagged(String path) throws IOException;
    }
}
