package dev.policyproof.engine.catalog;

import dev.policyproof.engine.ElementValues;
import dev.policyproof.engine.SourceLocation;

/** Locations of single values inside an element. */
final class ValueLocations {

    private ValueLocations() {}

    /**
     * Returns the location of value {@code index} of {@code element}: the element's JSON pointer extended by the
     * index for a list.
     *
     * <p>NOTE: the model keeps one line and column per element, so a value in a list gets the line and column of the
     * list's opening bracket and only its pointer is exact.
     */
    static SourceLocation of(ElementValues element, int index) {
        SourceLocation at = element.location();
        if (!element.listForm()) {
            return at;
        }
        return new SourceLocation(at.source(), at.line(), at.column(), at.pointer() + "/" + index);
    }
}
