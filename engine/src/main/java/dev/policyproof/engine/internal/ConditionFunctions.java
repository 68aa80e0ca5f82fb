package dev.policyproof.engine.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The registry of base condition operators. Adding an operator means adding one entry here: the parser accepts
 * exactly the names registered, and the evaluator applies qualifiers, {@code IfExists} and missing-key rules on top.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html">
 *     IAM JSON policy elements: Condition operators</a>
 */
public final class ConditionFunctions {

    /** The operator that tests whether a key is present; it takes no {@code IfExists} and is handled apart. */
    public static final String NULL = "Null";

    private static final Map<String, ConditionFunction> FUNCTIONS = new LinkedHashMap<>();

    static {
        register(stringEquals("StringEquals", false, false));
        register(stringEquals("StringNotEquals", true, false));
        register(stringEquals("StringEqualsIgnoreCase", false, true));
        register(stringEquals("StringNotEqualsIgnoreCase", true, true));
        register(pattern("StringLike", false, ConditionFunctions::likeMatches));
        register(pattern("StringNotLike", true, ConditionFunctions::likeMatches));
        register(pattern("ArnEquals", false, ArnMatcher::matches));
        register(pattern("ArnLike", false, ArnMatcher::matches));
        register(pattern("ArnNotEquals", true, ArnMatcher::matches));
        register(pattern("ArnNotLike", true, ArnMatcher::matches));
        register(numeric("NumericEquals", false, c -> c == 0));
        register(numeric("NumericNotEquals", true, c -> c == 0));
        register(numeric("NumericLessThan", false, c -> c < 0));
        register(numeric("NumericLessThanEquals", false, c -> c <= 0));
        register(numeric("NumericGreaterThan", false, c -> c > 0));
        register(numeric("NumericGreaterThanEquals", false, c -> c >= 0));
        register(date("DateEquals", false, c -> c == 0));
        register(date("DateNotEquals", true, c -> c == 0));
        register(date("DateLessThan", false, c -> c < 0));
        register(date("DateLessThanEquals", false, c -> c <= 0));
        register(date("DateGreaterThan", false, c -> c > 0));
        register(date("DateGreaterThanEquals", false, c -> c >= 0));
        register(literalValued("Bool", false, ConditionFunctions::parseBool, String::equalsIgnoreCase));
        register(literalValued("BinaryEquals", false, ConditionFunctions::parseBase64, ConditionFunctions::sameBytes));
        register(literalValued("IpAddress", false, IpRange::parse, (request, range) -> range.contains(request)));
        register(literalValued("NotIpAddress", true, IpRange::parse, (request, range) -> range.contains(request)));
    }

    private ConditionFunctions() {}

    private static void register(ConditionFunction function) {
        FUNCTIONS.put(function.name(), function);
    }

    /** Returns the operator named {@code baseName}, matched case-sensitively as IAM does. */
    public static Optional<ConditionFunction> find(String baseName) {
        return Optional.ofNullable(FUNCTIONS.get(baseName));
    }

    /** Returns every base name that can be used in a policy, {@code Null} included. */
    public static List<String> names() {
        List<String> names = new java.util.ArrayList<>(FUNCTIONS.keySet());
        names.add(NULL);
        return names;
    }

    /** Suggests a registered name that differs from {@code baseName} only in case, for error messages. */
    public static Optional<String> suggest(String baseName) {
        return names().stream().filter(name -> name.equalsIgnoreCase(baseName)).findFirst();
    }

    private static ConditionFunction stringEquals(String name, boolean negated, boolean ignoreCase) {
        return new Registered(name, negated, (text, substitute) -> {
            PolicyValueTemplate template = template(text, substitute);
            if (!template.hasVariables()) {
                return ignoreCase
                        ? (requestValue, lookup) -> text.equalsIgnoreCase(requestValue)
                        : (requestValue, lookup) -> text.equals(requestValue);
            }
            return (requestValue, lookup) -> template.resolve(lookup, false)
                    .map(resolved -> ignoreCase
                            ? resolved.toString().equalsIgnoreCase(requestValue)
                            : resolved.toString().equals(requestValue))
                    .orElse(false);
        });
    }

    private static ConditionFunction pattern(
            String name, boolean negated, BiPredicate<GlobPattern, String> matcher) {
        return new Registered(name, negated, (text, substitute) -> {
            PolicyValueTemplate template = template(text, substitute);
            if (!template.hasVariables()) {
                GlobPattern compiled = GlobPattern.compile(text);
                return (requestValue, lookup) -> matcher.test(compiled, requestValue);
            }
            return (requestValue, lookup) -> template.resolve(lookup, true)
                    .map(resolved -> matcher.test(resolved, requestValue))
                    .orElse(false);
        });
    }

    private static PolicyValueTemplate template(String text, boolean substitute) {
        return PolicyValueTemplate.parse(text, substitute);
    }

    private static boolean likeMatches(GlobPattern pattern, String value) {
        return pattern.matches(value, false);
    }

    private static ConditionFunction numeric(String name, boolean negated, IntPredicate comparison) {
        return literalValued(name, negated, ConditionFunctions::parseNumber, (requestValue, policyValue) -> {
            BigDecimal request = tryParseNumber(requestValue);
            return request != null && comparison.test(request.compareTo(policyValue));
        });
    }

    private static ConditionFunction date(String name, boolean negated, IntPredicate comparison) {
        return literalValued(name, negated, DateValues::parse, (requestValue, policyValue) -> {
            Instant request = DateValues.tryParse(requestValue);
            return request != null && comparison.test(request.compareTo(policyValue));
        });
    }

    /**
     * An operator whose policy values are never patterns or variables: each is parsed once with {@code parser},
     * which rejects invalid values, and compared with {@code test(requestValue, parsedPolicyValue)}.
     */
    private static <T> ConditionFunction literalValued(
            String name, boolean negated, Function<String, T> parser, BiPredicate<String, T> test) {
        return new Registered(name, negated, (text, substitute) -> {
            T parsed = parser.apply(text);
            return (requestValue, lookup) -> test.test(requestValue, parsed);
        });
    }

    private static String parseBool(String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("\"" + value + "\" is not a boolean; use \"true\" or \"false\"");
        }
        return value;
    }

    private static BigDecimal parseNumber(String value) {
        BigDecimal number = tryParseNumber(value);
        if (number == null) {
            throw new IllegalArgumentException(
                    "\"" + value + "\" is not a number; use an integer or a decimal such as \"10\" or \"1.5\"");
        }
        return number;
    }

    private static @Nullable BigDecimal tryParseNumber(String value) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] parseBase64(String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + value + "\" is not valid base64, which BinaryEquals requires");
        }
    }

    private static boolean sameBytes(String requestValue, byte[] policyValue) {
        try {
            return Arrays.equals(Base64.getDecoder().decode(requestValue), policyValue);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Every base operator but {@code Null}. */
    private record Registered(String name, boolean negated, Compiler compiler) implements ConditionFunction {

        @Override
        public PolicyValue compile(String policyValue, boolean substituteVariables) {
            return compiler.compile(policyValue, substituteVariables);
        }
    }

    @FunctionalInterface
    private interface Compiler {
        ConditionFunction.PolicyValue compile(String text, boolean substitute);
    }
}
