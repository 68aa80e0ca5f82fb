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
 * Domain of one analysis: the actions, the representative principals, and for each condition key its value
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
    private final Set<String> keys = new java.util.TreeSet<>();

    /** Whether {@code aws:ResourceTag/K} and {@code ssm:resourceTag/K} are one key, as for Session Manager. */
    private final boolean sessionTagAliases;

    Universe(ActionSpace actions, List<PrincipalArn> principals, List<Policy> policies) {
        this(actions, principals, policies, false);
    }

    /**
     * @param sessionTagAliases true to treat {@code aws:ResourceTag/K} and {@code ssm:resourceTag/K} as one key,
     *     which holds for {@code ssm:StartSession} on a target: both carry the target's tag K
     */
    Universe(ActionSpace actions, List<PrincipalArn> principals, List<Policy> policies, boolean sessionTagAliases) {
        this.actions = actions;
        this.sessionTagAliases = sessionTagAliases;
        this.principals = List.copyOf(principals);
        for (Policy policy : policies) {
            for (Statement statement : policy.statements()) {
                statement.conditions().forEach(this::register);
            }
        }
    }

    private void register(Condition condition) {
        String key = canonical(condition.normalizedKey());
        spellings.putIfAbsent(key, condition.key());
        keys.add(key);
        if (condition.operator().qualifier() != SetQualifier.NONE || catalogueMultivalued(key)) {
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

    /**
     * Returns true for keys the action catalogue types as {@code ArrayOf...}, which requests carry as sets even when
     * a policy tests them with a plain operator, as the evaluator then does like {@code ForAnyValue:}.
     */
    private static boolean catalogueMultivalued(String key) {
        // NOTE: keys the catalogue does not list are taken as single-valued unless a set qualifier tests them.
        return dev.policyproof.engine.catalog.ActionCatalog.bundled().conditionKeyType(key)
                .map(type -> type.startsWith("ArrayOf"))
                .orElse(false);
    }

    /** Returns the dimension a lower-case condition key belongs to, after session tag aliases. */
    String canonical(String normalizedKey) {
        if (sessionTagAliases && normalizedKey.startsWith(AWS_TAG_PREFIX)) {
            return SSM_TAG_PREFIX + normalizedKey.substring(AWS_TAG_PREFIX.length());
        }
        return normalizedKey;
    }

    /** Returns the tag keys, as dimensions, that the policies' conditions test on a session target. */
    List<String> sessionTagKeys() {
        return keys.stream().filter(key -> key.startsWith(SSM_TAG_PREFIX)).toList();
    }

    static final String AWS_TAG_PREFIX = "aws:resourcetag/";
    static final String SSM_TAG_PREFIX = "ssm:resourcetag/";

    /** Returns the key as the first condition that tests it spells it, for readable counterexamples. */
    String spelling(String normalizedKey) {
        return spellings.getOrDefault(normalizedKey, normalizedKey);
    }

    /** Returns a cube with every dimension free. */
    Cube everything() {
        return new Cube(allActions(), StringSet.any(), allPrincipals(), Map.of());
    }
}
