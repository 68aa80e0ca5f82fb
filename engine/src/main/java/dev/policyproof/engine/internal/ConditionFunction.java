package dev.policyproof.engine.internal;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The semantics of one base condition operator, such as {@code StringLike} or {@code NumericLessThan}. Negated
 * operators ({@code StringNotEquals}, {@code NotIpAddress}) are the positive test inverted per request value, so
 * that "differs from every policy value" and the missing-key rules follow from {@link #negated()}.
 */
public interface ConditionFunction {

    /** Returns the base name as policies spell it, without qualifier or {@code IfExists}. */
    String name();

    /** Returns true for operators that match when no policy value matches: {@code StringNotEquals} and the like. */
    boolean negated();

    /**
     * Checks a policy value and prepares it for matching.
     *
     * @param substituteVariables whether the policy's {@code Version} enables policy variables
     * @throws IllegalArgumentException with a message naming the value and the accepted form, if it is invalid
     */
    PolicyValue compile(String policyValue, boolean substituteVariables);

    /** A policy value ready to compare with request values. */
    interface PolicyValue {

        /**
         * Returns true when {@code requestValue} satisfies the positive form of the operator for this policy value;
         * false when it does not, or when the value refers to a variable with no value.
         *
         * @param singleValue looks up single-valued context keys by lower-case name, for policy variables
         */
        boolean matches(String requestValue, Function<String, @Nullable String> singleValue);
    }
}
