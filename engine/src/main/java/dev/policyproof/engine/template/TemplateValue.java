package dev.policyproof.engine.template;

import dev.policyproof.engine.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A value of a CloudFormation template with its location: the template name, line, column and JSON pointer. Short
 * form tags are read as their long forms, so {@code !Ref Bucket} is the mapping {@code {Ref: Bucket}}. After
 * resolution a value contains no intrinsic function, only data and {@link Unknown}s.
 */
public sealed interface TemplateValue {

    SourceLocation location();

    /** Names the value's type as error messages print it. */
    String typeName();

    /** Returns the text of a scalar, or empty for any other value. */
    default java.util.Optional<String> asText() {
        return this instanceof Scalar scalar ? java.util.Optional.of(scalar.text()) : java.util.Optional.empty();
    }

    record Mapping(Map<String, Entry> entries, SourceLocation location) implements TemplateValue {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
            Objects.requireNonNull(location, "location");
        }

        /** Returns the value under {@code key}, if present. */
        public java.util.Optional<TemplateValue> get(String key) {
            Entry entry = entries.get(key);
            return entry == null ? java.util.Optional.empty() : java.util.Optional.of(entry.value());
        }

        @Override
        public String typeName() {
            return "a map";
        }
    }

    /** A mapping entry with the location of its key. */
    record Entry(String key, SourceLocation keyLocation, TemplateValue value) {}

    record Sequence(List<TemplateValue> elements, SourceLocation location) implements TemplateValue {
        public Sequence {
            elements = List.copyOf(elements);
            Objects.requireNonNull(location, "location");
        }

        @Override
        public String typeName() {
            return "a list";
        }
    }

    /**
     * A string, number or boolean as written. A value that resolution made up for a resource, such as the synthetic
     * ARN of {@code !GetAtt Role.Arn}, names that resource in {@code resource}.
     */
    record Scalar(String text, ScalarType type, SourceLocation location, @Nullable String resource)
            implements TemplateValue {
        public Scalar {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(location, "location");
        }

        static Scalar string(String text, SourceLocation location) {
            return new Scalar(text, ScalarType.STRING, location, null);
        }

        @Override
        public String typeName() {
            return "a " + type.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    enum ScalarType {
        STRING,
        NUMBER,
        BOOLEAN
    }

    record Null(SourceLocation location) implements TemplateValue {
        @Override
        public String typeName() {
            return "no value";
        }
    }

    /**
     * A value that cannot be known before deployment, such as {@code Fn::ImportValue}, or that policyproof does not
     * compute. Checks treat it as unknown: it never stands for a concrete value, let alone a wildcard.
     *
     * @param reason why the value is unknown, naming the function and its argument
     */
    record Unknown(String reason, SourceLocation location) implements TemplateValue {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(location, "location");
        }

        @Override
        public String typeName() {
            return "an unknown value";
        }
    }
}
