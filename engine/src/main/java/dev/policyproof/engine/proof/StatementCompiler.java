package dev.policyproof.engine.proof;

import dev.policyproof.engine.Condition;
import dev.policyproof.engine.ConditionOperator;
import dev.policyproof.engine.ConditionOperator.SetQualifier;
import dev.policyproof.engine.ElementValues;
import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PrincipalElement;
import dev.policyproof.engine.Statement;
import dev.policyproof.engine.internal.ConditionFunctions;
import dev.policyproof.engine.internal.PrincipalMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Translates statements into regions by the same rules the evaluator applies to single requests: actions without
 * regard to case, resources field by field, principals by {@link PrincipalMatcher}, and each condition operator with
 * its missing-key rule, {@code IfExists} and set qualifier. Policy variables and keys compared in two value families
 * are not translated; they make the statement inexact.
 */
final class StatementCompiler {

    private final Universe universe;

    StatementCompiler(Universe universe) {
        this.universe = universe;
    }

    /**
     * Compiles one statement. {@code callersHaveBoundary} is true when the set gives callers a permissions boundary,
     * because a {@code Deny} with {@code NotPrincipal} covers every caller with one.
     */
    StatementRegion compile(Policy policy, Statement statement, boolean callersHaveBoundary) {
        List<Unknown> unknowns = new ArrayList<>();
        Cube base = universe.everything()
                .withActions(actions(statement.action()))
                .withPrincipals(principals(statement, callersHaveBoundary));
        Optional<StringSet> resources = resources(policy, statement, unknowns);
        if (resources.isPresent()) {
            base = base.withResources(resources.get());
        }
        Region exact = Region.of(base);
        for (Condition condition : statement.conditions()) {
            Optional<Region> region = condition(policy, condition, unknowns);
            if (region.isPresent()) {
                exact = exact.and(region.get());
            }
        }
        if (unknowns.isEmpty()) {
            return new StatementRegion(statement, exact, exact, unknowns);
        }
        return new StatementRegion(statement, Region.empty(), exact, unknowns);
    }

    private BitSet actions(ElementValues action) {
        BitSet matched = new BitSet();
        for (String pattern : action.values()) {
            matched.or(universe.actions().matching(pattern));
        }
        if (action.negated()) {
            BitSet all = universe.allActions();
            all.andNot(matched);
            return all;
        }
        return matched;
    }

    private BitSet principals(Statement statement, boolean callersHaveBoundary) {
        Optional<PrincipalElement> element = statement.principal();
        if (element.isEmpty()) {
            return universe.allPrincipals();
        }
        BitSet matched = new BitSet();
        for (int i = 0; i < universe.principals().size(); i++) {
            if (PrincipalMatcher.evaluate(element.get(), universe.principals().get(i), callersHaveBoundary).matched()) {
                matched.set(i);
            }
        }
        return matched;
    }

    private Optional<StringSet> resources(Policy policy, Statement statement, List<Unknown> unknowns) {
        Optional<ElementValues> element = statement.resource();
        if (element.isEmpty()) {
            return Optional.of(StringSet.any());
        }
        StringSet matched = StringSet.none();
        for (String pattern : element.get().values()) {
            if (policy.substitutesVariables() && pattern.contains("${")) {
                unknowns.add(new Unknown(element.get().elementName() + " \"" + pattern
                        + "\" depends on a policy variable, which the prover does not model", element.get().location()));
                return Optional.empty();
            }
            if (tooComplex(pattern)) {
                unknowns.add(new Unknown(element.get().elementName() + " \"" + pattern + "\" has many ? after a *, "
                        + "which exact analysis cannot represent in reasonable time", element.get().location()));
                return Optional.empty();
            }
            matched = matched.or(StringSet.arnPattern(pattern));
        }
        return Optional.of(element.get().negated() ? matched.not() : matched);
    }

    private Optional<Region> condition(Policy policy, Condition condition, List<Unknown> unknowns) {
        String key = universe.canonical(condition.normalizedKey());
        ConditionOperator operator = condition.operator();
        if (universe.hasMixedFamilies(key)) {
            unknowns.add(new Unknown("condition key " + condition.key() + " is compared as values of two kinds "
                    + "(for example as a string and as a number), which the prover does not model",
                    condition.location()));
            return Optional.empty();
        }
        KeyFamily family = universe.family(key);
        boolean multivalued = universe.isMultivalued(key);
        if (operator.baseName().equals(ConditionFunctions.NULL)) {
            return Optional.of(nullCondition(condition, family, multivalued));
        }
        boolean negated = ConditionFunctions.find(operator.baseName()).orElseThrow().negated();
        ValueSet matches = family.empty();
        for (String value : condition.values()) {
            if (policy.substitutesVariables() && value.contains("${")) {
                unknowns.add(new Unknown(operator + " " + condition.key() + " compares with \"" + value
                        + "\", which holds a policy variable that the prover does not model", condition.location()));
                return Optional.empty();
            }
            if (operator.baseName().contains("Like") || operator.baseName().startsWith("Arn")) {
                if (tooComplex(value)) {
                    unknowns.add(new Unknown(operator + " " + condition.key() + " \"" + value + "\" has many ? after "
                            + "a *, which exact analysis cannot represent in reasonable time", condition.location()));
                    return Optional.empty();
                }
            }
            matches = matches.or(valueSet(operator.baseName(), value));
        }
        ValueSet accepted = negated ? matches.not() : matches;
        boolean absentMatches = absentMatches(operator, negated);
        KeyConstraint constraint;
        if (!multivalued) {
            constraint = new KeyConstraint.Single(absentMatches, accepted);
        } else if (operator.qualifier() == SetQualifier.FOR_ALL_VALUES) {
            constraint = new KeyConstraint.Multi(true, accepted, List.of());
        } else {
            constraint = new KeyConstraint.Multi(absentMatches, family.full(), List.of(accepted));
        }
        return Optional.of(Region.of(universe.everything().withKey(key, constraint)));
    }

    /**
     * Returns true for patterns whose automata grow exponentially: after a {@code *}, each {@code ?} can double the
     * states of the deterministic automaton, so a long run of them would stall the analysis.
     */
    static boolean tooComplex(String pattern) {
        int star = pattern.indexOf('*');
        return star >= 0 && pattern.substring(star).chars().filter(c -> c == '?').count() > MAX_WILDCARDS_AFTER_STAR;
    }

    /**
     * Maximum number of {@code ?} after a {@code *}, because each one can double the states of the pattern automaton.
     * Beyond it the analysis returns unknown.
     */
    private static final int MAX_WILDCARDS_AFTER_STAR = 6;

    /** Applies the missing-key rule: IfExists and ForAllValues match, ForAnyValue does not, else negated ones do. */
    private static boolean absentMatches(ConditionOperator operator, boolean negated) {
        if (operator.ifExists() || operator.qualifier() == SetQualifier.FOR_ALL_VALUES) {
            return true;
        }
        if (operator.qualifier() == SetQualifier.FOR_ANY_VALUE) {
            return false;
        }
        return negated;
    }

    private Region nullCondition(Condition condition, KeyFamily family, boolean multivalued) {
        List<Cube> cubes = new ArrayList<>();
        for (String value : condition.values()) {
            boolean absent = value.equals("true");
            KeyConstraint constraint = multivalued
                    ? new KeyConstraint.Multi(absent, family.full(), absent ? List.of(family.empty()) : List.of())
                    : new KeyConstraint.Single(absent, absent ? family.empty() : family.full());
            cubes.add(universe.everything().withKey(universe.canonical(condition.normalizedKey()), constraint));
        }
        return Region.of(cubes);
    }

    /** Returns the request values the positive form of {@code operator} matches for one policy value. */
    private static ValueSet valueSet(String operator, String value) {
        return switch (operator) {
            case "StringEquals", "StringNotEquals" -> StringSet.literal(value);
            case "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "Bool" -> StringSet.literalIgnoreCase(value);
            case "StringLike", "StringNotLike" -> StringSet.glob(value);
            case "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike" -> StringSet.arnPattern(value);
            case "BinaryEquals" -> base64Forms(value);
            case "IpAddress", "NotIpAddress" -> IpSet.cidr(value);
            default -> ordered(operator, value);
        };
    }

    /** Java's decoder accepts padded and unpadded base64, so both encodings of the bytes match. */
    private static ValueSet base64Forms(String value) {
        byte[] bytes = Base64.getDecoder().decode(value);
        return StringSet.literal(Base64.getEncoder().encodeToString(bytes))
                .or(StringSet.literal(Base64.getEncoder().withoutPadding().encodeToString(bytes)));
    }

    private static ValueSet ordered(String operator, String value) {
        if (operator.startsWith("Numeric")) {
            return interval(OrderedSet.NUMBERS, operator.substring("Numeric".length()),
                    OrderedSet.NUMBERS.parse(value));
        }
        Instant instant = OrderedSet.DATES.parse(value);
        return interval(OrderedSet.DATES, operator.substring("Date".length()), instant);
    }

    private static <T extends Comparable<T>> ValueSet interval(OrderedSet.Domain<T> domain, String relation, T value) {
        return switch (relation) {
            case "Equals", "NotEquals" -> OrderedSet.of(domain, new OrderedSet.Interval<>(value, true, value, true));
            case "LessThan" -> OrderedSet.of(domain, new OrderedSet.Interval<>(null, false, value, false));
            case "LessThanEquals" -> OrderedSet.of(domain, new OrderedSet.Interval<>(null, false, value, true));
            case "GreaterThan" -> OrderedSet.of(domain, new OrderedSet.Interval<>(value, false, null, false));
            case "GreaterThanEquals" -> OrderedSet.of(domain, new OrderedSet.Interval<>(value, true, null, false));
            default -> throw new IllegalArgumentException("unknown comparison " + relation);
        };
    }

}
