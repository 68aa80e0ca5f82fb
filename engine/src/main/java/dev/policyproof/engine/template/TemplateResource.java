package dev.policyproof.engine.template;

import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.template.TemplateValue.Mapping;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource of a template with its properties resolved: no intrinsic function is left, only data and unknowns.
 *
 * @param logicalId the resource's key under {@code Resources}
 * @param type the resource type, such as {@code AWS::EC2::SecurityGroup}
 * @param properties the resolved {@code Properties}, empty when the resource has none
 * @param location where the logical id is written
 */
public record TemplateResource(String logicalId, String type, Mapping properties, SourceLocation location) {

    public TemplateResource {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(location, "location");
    }

    /** Returns the resolved property {@code name}, if set. */
    public Optional<TemplateValue> property(String name) {
        return properties.get(name);
    }

    public boolean hasType(String expected) {
        return type.equals(expected);
    }

    /** Returns the line of the logical id, where messages about the whole resource point. */
    public int line() {
        return location.line();
    }
}
