package dev.policyproof.engine.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One IAM action of a service, such as {@code ssm:StartSession}: its access level, the resource types it accepts in
 * {@code Resource}, and the condition keys it supports. Instances belong to one {@link ActionCatalog}, and
 * {@link #index()} is their position in {@link ActionCatalog#allActions()}.
 */
public final class ActionInfo {

    private final String servicePrefix;
    private final String name;
    private final AccessLevel accessLevel;
    private final List<ActionResource> resources;
    private final List<String> conditionKeys;
    private final int index;

    /** Every key this action supports, computed on first use; racing threads compute equal lists. */
    private volatile @Nullable List<String> supportedKeys;

    ActionInfo(
            String servicePrefix,
            String name,
            AccessLevel accessLevel,
            List<ActionResource> resources,
            List<String> conditionKeys,
            int index) {
        this.servicePrefix = Objects.requireNonNull(servicePrefix, "servicePrefix");
        this.name = Objects.requireNonNull(name, "name");
        this.accessLevel = Objects.requireNonNull(accessLevel, "accessLevel");
        this.resources = List.copyOf(resources);
        this.conditionKeys = List.copyOf(conditionKeys);
        this.index = index;
    }

    public String servicePrefix() {
        return servicePrefix;
    }

    /** Returns the action name without the prefix, for example {@code StartSession}. */
    public String name() {
        return name;
    }

    /** Returns {@code prefix:Name}, spelled as AWS spells it. */
    public String fullName() {
        return servicePrefix + ":" + name;
    }

    public AccessLevel accessLevel() {
        return accessLevel;
    }

    /** Returns the resource types the action accepts; empty when the action supports only {@code "Resource": "*"}. */
    public List<ActionResource> resources() {
        return resources;
    }

    /** Returns true when the action has no resource type, so that a statement must name it with {@code "*"}. */
    public boolean supportsOnlyWildcardResource() {
        return resources.isEmpty();
    }

    /** Returns the condition keys listed on the action itself, without those of its resource types. */
    public List<String> conditionKeys() {
        return conditionKeys;
    }

    /**
     * Returns every catalogue key the action supports: its own keys, the keys of the action on each resource type, and
     * the keys of those resource types. Templates stay templates. Global keys are not included; see
     * {@link ConditionKeys#isGlobal(String)}.
     */
    public List<String> supportedConditionKeys() {
        List<String> keys = supportedKeys;
        if (keys == null) {
            Set<String> all = new LinkedHashSet<>(conditionKeys);
            for (ActionResource resource : resources) {
                all.addAll(resource.conditionKeys());
                all.addAll(resource.resourceType().conditionKeys());
            }
            keys = List.copyOf(new ArrayList<>(all));
            supportedKeys = keys;
        }
        return keys;
    }

    /** Returns the dense position of this action in its catalogue, usable as a bit index. */
    public int index() {
        return index;
    }

    @Override
    public String toString() {
        return fullName();
    }
}
