package dev.policyproof.engine.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One AWS service: its prefix, its display name, its actions, resource types and condition key types. */
public final class ServiceInfo {

    private final String prefix;
    private final String name;
    private final List<ActionInfo> actions;
    private final Map<String, ActionInfo> actionsByLowerName;
    private final Map<String, ResourceType> resourceTypes;
    private final Map<String, String> conditionKeyTypes;

    ServiceInfo(
            String prefix,
            String name,
            List<ActionInfo> actions,
            Map<String, ResourceType> resourceTypes,
            Map<String, String> conditionKeyTypes) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.name = Objects.requireNonNull(name, "name");
        this.actions = List.copyOf(actions);
        this.actionsByLowerName = lowerCaseIndex(actions);
        this.resourceTypes = Map.copyOf(resourceTypes);
        this.conditionKeyTypes = Map.copyOf(conditionKeyTypes);
    }

    /** Returns the prefix used in actions, for example {@code ssm}. */
    public String prefix() {
        return prefix;
    }

    /** Returns the display name, for example "AWS Systems Manager", or the prefix when the source has none. */
    public String name() {
        return name;
    }

    /** Returns the actions in catalogue order, which is case-insensitive name order. */
    public List<ActionInfo> actions() {
        return actions;
    }

    /** Returns the action called {@code actionName} (without prefix), ignoring case. */
    public Optional<ActionInfo> action(String actionName) {
        return Optional.ofNullable(actionsByLowerName.get(actionName.toLowerCase(Locale.ROOT)));
    }

    /** Returns the resource types by name, spelled as AWS spells them. */
    public Map<String, ResourceType> resourceTypes() {
        return resourceTypes;
    }

    /** Returns the condition keys the service lists, each with its type name such as {@code ArrayOfString}. */
    public Map<String, String> conditionKeyTypes() {
        return conditionKeyTypes;
    }

    /** Returns the type of the service key that {@code key} names, templates included, ignoring case. */
    public Optional<String> conditionKeyType(String key) {
        for (Map.Entry<String, String> entry : conditionKeyTypes.entrySet()) {
            if (ConditionKeys.matches(entry.getKey(), key)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return prefix + " (" + name + ")";
    }

    private static Map<String, ActionInfo> lowerCaseIndex(Collection<ActionInfo> actions) {
        Map<String, ActionInfo> index = new HashMap<>();
        for (ActionInfo action : actions) {
            index.put(action.name().toLowerCase(Locale.ROOT), action);
        }
        return Map.copyOf(index);
    }
}
