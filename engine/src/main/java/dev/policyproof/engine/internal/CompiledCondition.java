package dev.policyproof.engine.internal;

import dev.policyproof.engine.Condition;
import dev.policyproof.engine.ConditionOperator.SetQualifier;
import dev.policyproof.engine.ContextValue;
import dev.policyproof.engine.ElementResult;
import dev.policyproof.engine.RequestContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One condition with its values compiled, evaluated by IAM's rules for absent keys, {@code IfExists}, {@code Null}
 * and the set qualifiers (IAM User Guide, "Condition operators" and "Create a condition with multiple context keys or
 * values").
 */
final class CompiledCondition {

    private final Condition condition;
    private final @Nullable ConditionFunction function;
    private final List<ConditionFunction.PolicyValue> values;
    private final String elementName;

    CompiledCondition(Condition condition, boolean substituteVariables) {
        this.condition = condition;
        this.elementName = "Condition " + condition.operator() + " " + condition.key();
        String baseName = condition.operator().baseName();
        if (baseName.equals(ConditionFunctions.NULL)) {
            this.function = null;
            this.values = List.of();
        } else {
            this.function = ConditionFunctions.find(baseName)
                    .orElseThrow(() -> new IllegalArgumentException("unknown condition operator " + baseName));
            this.values = condition.values().stream()
                    .map(value -> function.compile(value, substituteVariables))
                    .toList();
        }
    }

    ElementResult evaluate(RequestContext context) {
        Optional<ContextValue> value = context.get(condition.key());
        if (function == null) {
            return evaluateNull(value.isPresent());
        }
        if (value.isEmpty()) {
            return evaluateAbsent();
        }
        return evaluatePresent(value.get(), context::singleValue);
    }

    private ElementResult evaluateNull(boolean present) {
        boolean matched = condition.values().stream().anyMatch(v -> v.equals("true") != present);
        String state = present ? "present" : "absent";
        return result(matched, condition.key() + " is " + state + " in the request, so " + condition.toJson()
                + (matched ? " matches" : " does not match"));
    }

    private ElementResult evaluateAbsent() {
        SetQualifier qualifier = condition.operator().qualifier();
        String key = condition.key() + " is absent from the request, so " + condition.operator();
        if (condition.operator().ifExists()) {
            return result(true, key + " matches (IfExists skips absent keys)");
        }
        if (qualifier == SetQualifier.FOR_ALL_VALUES) {
            return result(true, key + " matches (ForAllValues is true for an absent key)");
        }
        if (qualifier == SetQualifier.FOR_ANY_VALUE) {
            return result(false, key + " does not match (ForAnyValue is false for an absent key)");
        }
        boolean negated = function != null && function.negated();
        return result(negated, key + (negated ? " matches (a negated operator matches an absent key)" : " does not match"));
    }

    private ElementResult evaluatePresent(ContextValue value, Function<String, @Nullable String> lookup) {
        List<String> requestValues = value.values();
        boolean matched = switch (condition.operator().qualifier()) {
            case FOR_ALL_VALUES -> requestValues.stream().allMatch(v -> test(v, lookup));
            // NOTE: without a qualifier a multivalued key is tested like ForAnyValue; IAM documents only the
            // single-valued case.
            case FOR_ANY_VALUE, NONE -> requestValues.stream().anyMatch(v -> test(v, lookup));
        };
        return deferred(matched, () -> {
            String shown = value.multivalued() ? requestValues.toString() : "\"" + requestValues.get(0) + "\"";
            return condition.key() + " is " + shown + ", so " + condition.toJson()
                    + (matched ? " matches" : " does not match");
        });
    }

    private boolean test(String requestValue, Function<String, @Nullable String> lookup) {
        boolean anyMatch = values.stream().anyMatch(policyValue -> policyValue.matches(requestValue, lookup));
        return function != null && function.negated() != anyMatch;
    }

    private ElementResult result(boolean matched, String explanation) {
        return new ElementResult(elementName, matched, explanation);
    }

    private ElementResult deferred(boolean matched, java.util.function.Supplier<String> explanation) {
        return ElementResult.deferred(elementName, matched, explanation);
    }
}
