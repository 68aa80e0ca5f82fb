package dev.policyproof.engine;

import java.util.Objects;

/**
 * Whether one element of a statement ({@code Action}, {@code Resource}, one condition) matched a request, and a
 * sentence that says why, naming the values compared.
 */
public record ElementResult(String element, boolean matched, String explanation) {

    public ElementResult {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(explanation, "explanation");
    }
}
