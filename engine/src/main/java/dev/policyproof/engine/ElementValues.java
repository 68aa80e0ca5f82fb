package dev.policyproof.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The string values of an {@code Action}, {@code NotAction}, {@code Resource} or {@code NotResource} element, with
 * the element name as written, whether the policy used a single string or a list, and where each value sits.
 */
public record ElementValues(
        String elementName,
        List<String> values,
        boolean listForm,
        SourceLocation location,
        List<SourceLocation> valueLocations) {

    public ElementValues {
        Objects.requireNonNull(elementName, "elementName");
        values = List.copyOf(values);
        Objects.requireNonNull(location, "location");
        valueLocations = List.copyOf(valueLocations);
        if (valueLocations.size() != values.size()) {
            throw new IllegalArgumentException(
                    valueLocations.size() + " value locations for " + values.size() + " values of " + elementName);
        }
    }

    /**
     * Creates element values whose value locations are derived from the element's: the same line and column, and for
     * a list the element's JSON pointer followed by the value's index.
     */
    public ElementValues(String elementName, List<String> values, boolean listForm, SourceLocation location) {
        this(elementName, values, listForm, location, derivedLocations(values.size(), listForm, location));
    }

    /** Returns true for {@code NotAction}, {@code NotResource} and {@code NotPrincipal}. */
    public boolean negated() {
        return elementName.startsWith("Not");
    }

    /**
     * Returns the location of value {@code index}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < values().size()}
     */
    public SourceLocation valueLocation(int index) {
        return valueLocations.get(index);
    }

    /** Renders the element with only {@code value}, such as {@code "Action": "s3:GetObject"}, in policy JSON. */
    public String toJson(String value) {
        return "\"" + elementName + "\": " + Json.quote(value);
    }

    /** Renders the element as policy JSON, keeping the single-string or list form of the source. */
    public String toJson() {
        return "\"" + elementName + "\": " + Json.render(values, listForm);
    }

    private static List<SourceLocation> derivedLocations(int count, boolean listForm, SourceLocation at) {
        List<SourceLocation> locations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String pointer = listForm ? at.pointer() + "/" + i : at.pointer();
            locations.add(new SourceLocation(at.source(), at.line(), at.column(), pointer));
        }
        return locations;
    }
}
