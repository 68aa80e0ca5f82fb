package dev.policyproof.engine.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A resource type an action accepts in {@code Resource}, whether the AWS tables mark it required, and the condition
 * keys that apply only to this action on this type.
 */
public record ActionResource(ResourceType resourceType, boolean required, List<String> conditionKeys) {

    public ActionResource {
        Objects.requireNonNull(resourceType, "resourceType");
        conditionKeys = List.copyOf(conditionKeys);
    }

    public String name() {
        return resourceType.name();
    }
}
