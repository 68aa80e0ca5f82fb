package dev.policyproof.engine;

import java.util.Objects;

/**
 * A condition operator as written in a policy, such as {@code StringEquals}, {@code ForAnyValue:StringLike} or
 * {@code ArnLikeIfExists}, split into its set qualifier, base operator and {@code IfExists} suffix. The type is open:
 * an operator name parses whether or not policyproof implements it, and the parser reports unknown ones.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html">
 *     IAM JSON policy elements: Condition operators</a>
 */
public record ConditionOperator(String name, SetQualifier qualifier, String baseName, boolean ifExists) {

    private static final String IF_EXISTS = "IfExists";

    /** Set qualifier that decides how a condition compares a multivalued context key. */
    public enum SetQualifier {
        /** No qualifier: the key is compared as a single value. */
        NONE(""),
        /** {@code ForAllValues:}: every value in the request must match; true when the key is absent or empty. */
        FOR_ALL_VALUES("ForAllValues:"),
        /** {@code ForAnyValue:}: at least one value in the request must match; false when absent or empty. */
        FOR_ANY_VALUE("ForAnyValue:");

        private final String prefix;

        SetQualifier(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    public ConditionOperator {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(baseName, "baseName");
    }

    /** Splits an operator name into its parts. Unknown base names pass through, because the parser reports them. */
    public static ConditionOperator parse(String name) {
        SetQualifier qualifier = SetQualifier.NONE;
        String rest = name;
        for (SetQualifier candidate : SetQualifier.values()) {
            if (candidate != SetQualifier.NONE && rest.startsWith(candidate.prefix())) {
                qualifier = candidate;
                rest = rest.substring(candidate.prefix().length());
                // One qualifier at most: a second one stays in the base name, which the parser then rejects.
                break;
            }
        }
        boolean ifExists = rest.endsWith(IF_EXISTS) && rest.length() > IF_EXISTS.length();
        String baseName = ifExists ? rest.substring(0, rest.length() - IF_EXISTS.length()) : rest;
        return new ConditionOperator(name, qualifier, baseName, ifExists);
    }

    @Override
    public String toString() {
        return name;
    }
}
