package dev.policyproof.engine.internal;

import java.util.List;

/**
 * Matches ARNs against ARN patterns field by field, as IAM does for {@code Resource} and the {@code Arn*} condition
 * operators: the first five colons separate partition, service, region and account, and a wildcard in one of those
 * fields never reaches into the next. The sixth field, the resource, is matched whole, so {@code *} there spans
 * {@code /} and further colons.
 *
 * <p>NOTE: the Resource page also states that a {@code *} at the end of a segment "can expand to match beyond the colon
 * boundaries". This matcher keeps every wildcard of the first five fields inside its field.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html">IAM JSON
 *     policy elements: Resource</a>
 */
public final class ArnMatcher {

    /** {@code arn}, partition, service, region, account, resource. */
    static final int ARN_FIELDS = 6;

    private ArnMatcher() {}

    /** Returns true when {@code value} matches {@code pattern}; case-sensitive, as resource ARNs are. */
    public static boolean matches(GlobPattern pattern, String value) {
        return compile(pattern).test(value);
    }

    /** Splits {@code pattern} into its fields once, for patterns matched against many values. */
    public static java.util.function.Predicate<String> compile(GlobPattern pattern) {
        List<GlobPattern> patternFields = pattern.split(':', ARN_FIELDS);
        return value -> matchFields(pattern, patternFields, value);
    }

    private static boolean matchFields(GlobPattern pattern, List<GlobPattern> patternFields, String value) {
        if (patternFields.size() == 1) {
            // A pattern without colons, such as "*", is compared as a whole string.
            return pattern.matches(value, false);
        }
        if (patternFields.size() < ARN_FIELDS) {
            // ArnLike checks each of the six components separately, so a pattern with fewer never matches.
            return false;
        }
        String[] valueFields = value.split(":", ARN_FIELDS);
        if (valueFields.length < ARN_FIELDS) {
            return false;
        }
        for (int i = 0; i < ARN_FIELDS; i++) {
            if (!patternFields.get(i).matches(valueFields[i], false)) {
                return false;
            }
        }
        return true;
    }
}
