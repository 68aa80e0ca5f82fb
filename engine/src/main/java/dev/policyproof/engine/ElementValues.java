package dev.policyproof.engine;

import java.util.List;
import java.util.Objects;

/**
 * The string values of an {@code Action}, {@code NotAction}, {@code Resource} or {@code NotResource} element, with
 * the element name as written and whether the policy used a single string or a list.
 */
public record ElementValues(String elementName, List<String> values, boolean listForm, SourceLocation location) {

    public ElementValues {
        Objects.requireNonNull(elementName, "elementName");
        values = List.copyOf(values);
        Objects.requireNonNull(location, "location");
    }

    /** Returns true for {@code NotAction}, {@code NotResource} and {@code NotPrincipal}. */
    public boolean negated() {
        return elementName.startsWith("Not");
    }

    /** Renders the element as policy JSON, keeping the single-string or list form of the source. */
    public String toJson() {
        return "\"" + elementName + "\": " + Json.render(values, listForm);
    }
}
