package dev.policyproof.engine.proof;

import dev.policyproof.engine.Condition;
import dev.policyproof.engine.ConditionOperator.SetQualifier;
import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PrincipalArn;
import dev.policyproof.engine.Statement;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one analysis ranges over: the actions, the representative principals, and for each condition key its value
 * family and whether it is multivalued. Keys tested by operators of two families, such as {@code StringEquals} and
 * {@code NumericLessThan} on one key, have no exact representation and are reported as unknown.
 */
final class Universe {

    private final ActionSpace actions;
    private final List<PrincipalArn> principals;
    private final Map<String, KeyFamily> families = new HashMap<>();
    private final Set<String> mixedFamilies = new HashSet<>();
    private final Set<String> multivalued = new HashSet<>();
    private final Map<String, String> spellings = new HashMap<>();

    Universe(ActionSpace actions, List<PrincipalArn> principals, List<Policy> policies) {
        this.actions = actions;
        this.principals = List.copyOf(principals);
        for (Policy policy : policies) {
            for (Statement statement : policy.statements()) {
                statement.conditions().forEach(this::register);
            }
        }
    }

    private void register(Condition condition) {
        String key = condition.normalizedKey();
        spellings.putIfAbsent(key, condition.key());
        if (condition.operator().qualifier() != SetQualifier.NONE) {
            multivalued.add(key);
        }
        KeyFamily family = KeyFamily.of(condition.operator().baseName());
        if (family == null) {
            return;
        }
        KeyFamily earlier = families.putIfAbsent(key, family);
        if (earlier != null && earlier != family) {
            mixedFamilies.add(key);
        }
    }

    ActionSpace actions() {
        return actions;
    }

    List<PrincipalArn> principals() {
        return principals;
    }

    BitSet allActions() {
        return actions.all();
    }

    BitSet allPrincipals() {
        BitSet all = new BitSet(principals.size());
        all.set(0, principals.size());
        return all;
    }

    BitSet principal(int index) {
        BitSet one = new BitSet(principals.size());
        one.set(index);
        return one;
    }

    /** Returns the value family of {@code key}; keys only tested by {@code Null} are strings. */
    KeyFamily family(String key) {
        return families.getOrDefault(key.toLowerCase(Locale.ROOT), KeyFamily.STRING);
    }

    boolean hasMixedFamilies(String key) {
        return mixedFamilies.contains(key.toLowerCase(Locale.ROOT));
    }

    boolean isMultivalued(String key) {
        return multivalued.contains(key.toLowerCase(Locale.ROOT));
    }

    /** Returns the key as the first condition that tests it spells it, for readable counterexamples. */
    String spelling(String normalizedKey) {
        return spellings.getOrDefault(normalizedKey, normalizedKey);
    }

    /** Returns a cube with every dimension free. */
    Cube everything() {
        return new Cube(allActions(), StringSet.any(), allPrincipals(), Map.of());
    }
}
