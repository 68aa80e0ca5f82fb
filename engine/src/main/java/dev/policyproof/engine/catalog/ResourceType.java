package dev.policyproof.engine.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A resource type of one service, such as {@code instance} of {@code ec2}, with its ARN format templates and the
 * condition keys that describe resources of the type. Templates contain placeholders such as {@code ${Partition}},
 * {@code ${Region}}, {@code ${Account}} and {@code ${InstanceId}}.
 */
public record ResourceType(String name, List<String> arnFormats, List<String> conditionKeys) {

    public ResourceType {
        Objects.requireNonNull(name, "name");
        arnFormats = List.copyOf(arnFormats);
        conditionKeys = List.copyOf(conditionKeys);
    }

    /** Returns each ARN format as a glob, every placeholder replaced by {@code *}. */
    public List<String> arnPatterns() {
        return arnFormats.stream().map(ActionCatalog::arnFormatPattern).toList();
    }
}
