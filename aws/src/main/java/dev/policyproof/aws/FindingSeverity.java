package dev.policyproof.aws;

import java.util.Locale;

/**
 * The type of an Access Analyzer validation finding, ordered from the most to the least severe.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html">IAM
 *     Access Analyzer policy check reference</a>
 * @since 0.1.0
 */
public enum FindingSeverity {
    /** The policy does not work as written, or is rejected. */
    ERROR,
    /** The policy grants access that is often a security risk, such as {@code iam:PassRole} on every role. */
    SECURITY_WARNING,
    /** The policy does not follow a best practice, such as a redundant element. */
    WARNING,
    /** A way to make the policy clearer or smaller. */
    SUGGESTION;

    /** Returns true when this severity is {@code threshold} or more severe. */
    public boolean isAtOrAbove(FindingSeverity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /**
     * Maps Access Analyzer's {@code findingType}. A type this code does not know counts as {@link #ERROR}, so that a
     * new kind of finding is never filtered out by a threshold.
     */
    public static FindingSeverity fromFindingType(String findingType) {
        try {
            return valueOf(findingType.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ERROR;
        }
    }

    /**
     * Parses a severity as users spell it, such as {@code security_warning} or {@code SECURITY_WARNING}.
     *
     * @throws IllegalArgumentException if {@code text} names no severity
     */
    public static FindingSeverity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown finding severity \"" + text
                    + "\"; use ERROR, SECURITY_WARNING, WARNING or SUGGESTION", e);
        }
    }
}
