package dev.policyproof.engine.internal;

import java.util.List;

/**
 * Matches ARNs against ARN patterns field by field, as IAM does for {@code Resource} and the {@code Arn*} condition
 * operators: the first five colons separate partition, service, region and account, and a wildcard in one of those
 * fields never reaches into the next. The sixth field, the resource, is matched whole, so {@code *} there spans
 * {@code /} and further colons.
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
        List<GlobPattern> patternFields = pattern.split(':', ARN_FIELDS);
        if (patternFields.size() < ARN_FIELDS) {
            // NOTE: "*" and other patterns without six fields are compared as whole strings.
            return pattern.matches(value, false);
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
