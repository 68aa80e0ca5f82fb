package dev.policyproof.engine.catalog;

import dev.policyproof.engine.Condition;
import dev.policyproof.engine.ConditionOperator.SetQualifier;
import dev.policyproof.engine.Effect;
import dev.policyproof.engine.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Checks the condition keys and set operators of one statement against the statement's actions. */
final class ConditionChecks {

    /** How many of the statement's actions contribute keys to a suggestion; enough for any hand-written list. */
    private static final int SUGGESTION_ACTIONS_MAX = 200;

    private static final int LISTED_KEYS_MAX = 5;

    private final ActionCatalog catalog;
    private final Statement statement;
    private final StatementActions actions;
    private final List<Finding> findings;

    ConditionChecks(ActionCatalog catalog, Statement statement, StatementActions actions, List<Finding> findings) {
        this.catalog = catalog;
        this.statement = statement;
        this.actions = actions;
        this.findings = findings;
    }

    void run() {
        for (Condition condition : statement.conditions()) {
            checkKey(condition);
            boolean singleValued = checkSetOperator(condition);
            if (!singleValued) {
                checkNullGuard(condition);
            }
        }
    }

    private void checkKey(Condition condition) {
        String key = condition.key();
        if (ConditionKeys.isGlobal(key)) {
            return;
        }
        if (!catalog.isKnownConditionKey(key)) {
            reportUnknownKey(condition);
        } else if (!actions.isEmpty() && noActionSupports(key)) {
            reportUnsupportedKey(condition);
        }
    }

    private boolean noActionSupports(String key) {
        return actions.actions().stream().noneMatch(i -> catalog.supportsConditionKey(catalog.actionAt(i), key));
    }

    private void reportUnknownKey(Condition condition) {
        String key = condition.key();
        int colon = key.indexOf(':');
        String prefix = colon < 0 ? key : key.substring(0, colon);
        if (prefix.equalsIgnoreCase("aws")) {
            Optional<String> suggestion = NameSuggestions.closest(key, awsKeys());
            report(ValidationCheck.UNKNOWN_GLOBAL_CONDITION_KEY, condition, "condition key \"" + key + "\" is not a "
                    + "global key and no service lists it; " + suggestion.map(k -> "did you mean \"" + k + "\"?")
                    .orElse("check the name in the IAM User Guide's list of global condition keys"));
            return;
        }
        if (prefix.indexOf('.') >= 0 || prefix.indexOf('/') >= 0) {
            // Keys of identity providers, such as token.actions.githubusercontent.com:sub, are set by the
            // provider, and the catalogue lists only some of them.
            return;
        }
        List<String> serviceKeys = catalog.service(prefix)
                .map(service -> List.copyOf(service.conditionKeyTypes().keySet()))
                .orElse(List.of());
        Optional<String> suggestion = NameSuggestions.closest(key, serviceKeys);
        report(ValidationCheck.UNKNOWN_CONDITION_KEY, condition, "condition key \"" + key + "\" is not listed by "
                + (serviceKeys.isEmpty() ? "any service" : "service " + prefix) + "; "
                + suggestion.map(k -> "did you mean \"" + k + "\"?")
                        .orElse("check the name in the Service Authorization Reference"));
    }

    private void reportUnsupportedKey(Condition condition) {
        List<String> supported = supportedKeys();
        List<String> replacements = replacements(condition.key(), supported);
        String fix;
        if (!replacements.isEmpty()) {
            fix = "use \"" + replacements.get(0) + "\""
                    + (replacements.size() > 1 ? " (or \"" + replacements.get(1) + "\")" : "");
        } else {
            fix = NameSuggestions.closest(condition.key(), supported)
                    .map(k -> "did you mean \"" + k + "\"?")
                    .orElse("the actions support " + listedKeys(supported));
        }
        report(ValidationCheck.CONDITION_KEY_NOT_SUPPORTED, condition, "condition key \"" + condition.key()
                + "\" applies to none of the statement's actions (" + actionList() + "), so the request never has a "
                + "value for it and " + condition.operator().name() + " " + absentKeyOutcome(condition) + "; " + fix);
    }

    /** Says what an absent key does to the condition, because that decides whether the mistake opens or closes. */
    private static String absentKeyOutcome(Condition condition) {
        boolean alwaysTrue = condition.operator().ifExists()
                || condition.operator().qualifier() == SetQualifier.FOR_ALL_VALUES
                || (condition.operator().baseName().equals("Null") && condition.values().contains("true"));
        return alwaysTrue ? "is always true" : "is never true";
    }

    /**
     * Returns supported keys with the same name before the {@code /} as {@code key}, completed with its tag name:
     * for {@code ec2:ResourceTag/Name} on {@code ssm:StartSession}, {@code ssm:resourceTag/Name} before
     * {@code aws:ResourceTag/Name}. Service keys come first, because a service key is why the author chose a prefix.
     */
    private static List<String> replacements(String key, List<String> supported) {
        int slash = key.indexOf('/');
        int colon = key.indexOf(':');
        if (slash < 0 || colon < 0 || colon > slash) {
            return List.of();
        }
        String baseName = key.substring(colon + 1, slash);
        String tagName = key.substring(slash + 1);
        List<String> serviceKeys = new ArrayList<>();
        List<String> globalKeys = new ArrayList<>();
        for (String declared : supported) {
            int declaredColon = declared.indexOf(':');
            int declaredSlash = declared.indexOf('/');
            if (!ConditionKeys.isTemplate(declared) || declaredSlash < declaredColon) {
                continue;
            }
            if (declared.substring(declaredColon + 1, declaredSlash).equalsIgnoreCase(baseName)) {
                String replacement = ConditionKeys.templatePrefix(declared) + tagName;
                (declared.regionMatches(true, 0, "aws:", 0, 4) ? globalKeys : serviceKeys).add(replacement);
            }
        }
        serviceKeys.addAll(globalKeys);
        return serviceKeys.stream().distinct().toList();
    }

    /** Returns {@code true} when the operator is a set operator on a single-valued key, after reporting it. */
    private boolean checkSetOperator(Condition condition) {
        SetQualifier qualifier = condition.operator().qualifier();
        if (qualifier == SetQualifier.NONE) {
            return false;
        }
        Optional<String> type = catalog.conditionKeyType(condition.key());
        if (type.isEmpty() || ConditionKeys.isMultivalued(type.get())) {
            return false;
        }
        String plain = condition.operator().name().substring(qualifier.prefix().length());
        if (qualifier == SetQualifier.FOR_ALL_VALUES) {
            report(ValidationCheck.FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY, condition, "\"" + condition.operator().name()
                    + "\" on \"" + condition.key() + "\", a single-valued key of type " + type.get() + ", is also true "
                    + "when the request lacks the key, which can allow more than intended; use \"" + plain + "\"");
        } else {
            report(ValidationCheck.FOR_ANY_VALUE_WITH_SINGLE_VALUED_KEY, condition, "\"" + condition.operator().name()
                    + "\" on \"" + condition.key() + "\", a single-valued key of type " + type.get() + ", works like \""
                    + plain + "\" and hides the intent; use \"" + plain + "\"");
        }
        return true;
    }

    private void checkNullGuard(Condition condition) {
        if (statement.effect() != Effect.ALLOW
                || condition.operator().qualifier() != SetQualifier.FOR_ALL_VALUES
                || hasNullFalseGuard(condition.key())) {
            return;
        }
        report(ValidationCheck.FOR_ALL_VALUES_WITHOUT_NULL_CHECK, condition, "\"" + condition.operator().name()
                + "\" on \"" + condition.key() + "\" is true when the request has no value for the key, so this Allow "
                + "also matches requests without it; add \"Null\": {\"" + condition.key() + "\": \"false\"} to the "
                + "statement's Condition");
    }

    private boolean hasNullFalseGuard(String key) {
        return statement.conditions().stream()
                .anyMatch(other -> other.operator().name().equals("Null")
                        && other.key().equalsIgnoreCase(key)
                        && other.values().equals(List.of("false")));
    }

    private List<String> supportedKeys() {
        Set<String> keys = new LinkedHashSet<>();
        actions.actions().stream()
                .limit(SUGGESTION_ACTIONS_MAX)
                .forEach(i -> keys.addAll(catalog.actionAt(i).supportedConditionKeys()));
        return List.copyOf(keys);
    }

    private List<String> awsKeys() {
        List<String> keys = new ArrayList<>(ConditionKeys.globalKeys());
        catalog.conditionKeys().stream()
                .filter(key -> key.toLowerCase(Locale.ROOT).startsWith("aws:"))
                .forEach(keys::add);
        return keys;
    }

    private String actionList() {
        List<String> names = new ArrayList<>();
        actions.actions().stream().limit(LISTED_KEYS_MAX).forEach(i -> names.add(catalog.actionAt(i).fullName()));
        int more = actions.actions().cardinality() - names.size();
        return String.join(", ", names) + (more > 0 ? " and " + more + " more" : "");
    }

    private static String listedKeys(List<String> keys) {
        if (keys.isEmpty()) {
            return "only global keys";
        }
        int shown = Math.min(keys.size(), LISTED_KEYS_MAX);
        String listed = String.join(", ", keys.subList(0, shown));
        return listed + (keys.size() > shown ? " and " + (keys.size() - shown) + " more" : "");
    }

    private void report(ValidationCheck check, Condition condition, String message) {
        findings.add(Finding.of(check, StatementNames.of(statement) + ": " + message, condition.location()));
    }
}
