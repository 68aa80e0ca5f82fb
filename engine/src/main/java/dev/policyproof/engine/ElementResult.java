package dev.policyproof.engine;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Whether one element of a statement ({@code Action}, {@code Resource}, one condition) matched a request, and a
 * sentence that explains why, naming the values compared. The sentence is built on first use, because most evaluations
 * never print it.
 */
public final class ElementResult {

    private final String element;
    private final boolean matched;
    private Supplier<String> explanationSource;
    private String explanation;

    public ElementResult(String element, boolean matched, String explanation) {
        this.element = Objects.requireNonNull(element, "element");
        this.matched = matched;
        this.explanation = Objects.requireNonNull(explanation, "explanation");
    }

    private ElementResult(String element, boolean matched, Supplier<String> explanation) {
        this.element = Objects.requireNonNull(element, "element");
        this.matched = matched;
        this.explanationSource = Objects.requireNonNull(explanation, "explanation");
    }

    /** Returns a result whose explanation is built when first asked for. */
    public static ElementResult deferred(String element, boolean matched, Supplier<String> explanation) {
        return new ElementResult(element, matched, explanation);
    }

    public String element() {
        return element;
    }

    public boolean matched() {
        return matched;
    }

    public synchronized String explanation() {
        if (explanation == null) {
            explanation = explanationSource.get();
            explanationSource = null;
        }
        return explanation;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ElementResult that
                && element.equals(that.element)
                && matched == that.matched
                && explanation().equals(that.explanation());
    }

    @Override
    public int hashCode() {
        return Objects.hash(element, matched, explanation());
    }

    @Override
    public String toString() {
        return element + (matched ? " matched: " : " did not match: ") + explanation();
    }
}
