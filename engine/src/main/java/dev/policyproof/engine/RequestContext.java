package dev.policyproof.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The condition keys of a request and their values. Keys are looked up without regard to case, as IAM does. Nothing
 * is derived: a key the caller does not set is absent, as it would be for a request that does not carry it.
 */
public final class RequestContext {

    private static final RequestContext EMPTY = new RequestContext(Map.of());

    private final Map<String, ContextValue> values;

    private RequestContext(Map<String, ContextValue> values) {
        this.values = values;
    }

    public static RequestContext empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.values.putAll(values);
        return builder;
    }

    public Optional<ContextValue> get(String key) {
        return Optional.ofNullable(values.get(normalize(key)));
    }

    /** Returns the value of a single-valued key, or null when it is absent or multivalued. */
    public @Nullable String singleValue(String key) {
        ContextValue value = values.get(normalize(key));
        return value == null || value.multivalued() ? null : value.values().get(0);
    }

    public Collection<ContextValue> values() {
        return values.values();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestContext that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.values().toString();
    }

    /** Builds a {@link RequestContext}; setting a key again replaces its value. */
    public static final class Builder {
        private final Map<String, ContextValue> values = new LinkedHashMap<>();

        private Builder() {}

        /** Sets a single-valued key. */
        public Builder put(String key, String value) {
            values.put(normalize(key), new ContextValue(key, List.of(value), false));
            return this;
        }

        /** Sets a multivalued key; an empty list makes the key present with no values. */
        public Builder putAll(String key, List<String> multipleValues) {
            values.put(normalize(key), new ContextValue(key, multipleValues, true));
            return this;
        }

        public Builder remove(String key) {
            values.remove(normalize(key));
            return this;
        }

        public Builder putAll(RequestContext other) {
            values.putAll(other.values);
            return this;
        }

        public RequestContext build() {
            return values.isEmpty() ? EMPTY : new RequestContext(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        }
    }
}
