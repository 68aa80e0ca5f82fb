package dev.policyproof.engine;

import java.util.List;
import java.util.Objects;

/**
 * The value of one request context key: a single value, or a set of values for multivalued keys such as
 * {@code aws:TagKeys}. An empty set is present but empty, which {@code ForAllValues:} and {@code Null} tell apart
 * from an absent key.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html">
 *     Single-valued vs. multivalued context keys</a>
 */
public record ContextValue(String key, List<String> values, boolean multivalued) {

    public ContextValue {
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
        if (!multivalued && values.size() != 1) {
            throw new IllegalArgumentException(
                    "single-valued key " + key + " needs exactly one value, got " + values.size());
        }
    }

    @Override
    public String toString() {
        return multivalued ? key + "=" + values : key + "=" + values.get(0);
    }
}
