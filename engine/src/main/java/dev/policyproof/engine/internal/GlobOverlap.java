package dev.policyproof.engine.internal;

/**
 * Decides whether two globs, in which {@code *} matches any run of characters and {@code ?} exactly one, match at
 * least one common string. The validator uses it to ask whether a policy's resource pattern can name a resource of a
 * type whose ARN format is itself a pattern.
 *
 * <p>The search walks pairs of positions, one in each pattern, and costs at most one step per pair.
 */
public final class GlobOverlap {

    private GlobOverlap() {}

    /** Returns true when some string matches both {@code first} and {@code second}. */
    public static boolean overlaps(String first, String second, boolean ignoreCase) {
        int m = first.length();
        int n = second.length();
        // reachable[i][j]: the prefixes first[0, i) and second[0, j) can match one common string.
        boolean[][] reachable = new boolean[m + 1][n + 1];
        reachable[0][0] = true;
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                if (reachable[i][j]) {
                    advance(first, second, i, j, ignoreCase, reachable);
                }
            }
        }
        return reachable[m][n];
    }

    /**
     * Returns true when some ARN matches both patterns, compared field by field as {@link ArnMatcher} matches: the
     * first five colons separate the fields, and the sixth field, the resource, is compared whole. A pattern without
     * colons, such as {@code *}, is compared as a whole string. Case matters, as it does for resource ARNs.
     *
     * <p>NOTE: a placeholder such as {@code ${BucketName}} becomes {@code *} in an ARN format pattern and so can span
     * {@code /}, so {@code arn:aws:s3:::bucket/*} overlaps the S3 bucket type although no bucket name has a slash.
     */
    public static boolean arnsOverlap(String first, String second) {
        String[] firstFields = first.split(":", ArnMatcher.ARN_FIELDS);
        String[] secondFields = second.split(":", ArnMatcher.ARN_FIELDS);
        if (firstFields.length == 1 || secondFields.length == 1) {
            return overlaps(first, second, false);
        }
        if (firstFields.length < ArnMatcher.ARN_FIELDS || secondFields.length < ArnMatcher.ARN_FIELDS) {
            return false;
        }
        for (int i = 0; i < ArnMatcher.ARN_FIELDS; i++) {
            if (!overlaps(firstFields[i], secondFields[i], false)) {
                return false;
            }
        }
        return true;
    }

    private static void advance(String a, String b, int i, int j, boolean ignoreCase, boolean[][] reachable) {
        boolean aLeft = i < a.length();
        boolean bLeft = j < b.length();
        char x = aLeft ? a.charAt(i) : 0;
        char y = bLeft ? b.charAt(j) : 0;
        if (aLeft && x == '*') {
            // The star matches nothing more, or it absorbs the next character of the other pattern.
            reachable[i + 1][j] = true;
            if (bLeft && y != '*') {
                reachable[i][j + 1] = true;
            }
        }
        if (bLeft && y == '*') {
            reachable[i][j + 1] = true;
            if (aLeft && x != '*') {
                reachable[i + 1][j] = true;
            }
        }
        if (aLeft && bLeft && x != '*' && y != '*' && characterCompatible(x, y, ignoreCase)) {
            reachable[i + 1][j + 1] = true;
        }
    }

    private static boolean characterCompatible(char x, char y, boolean ignoreCase) {
        return x == '?' || y == '?' || x == y || (ignoreCase && Character.toLowerCase(x) == Character.toLowerCase(y));
    }
}
