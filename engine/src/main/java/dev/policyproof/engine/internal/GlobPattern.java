package dev.policyproof.engine.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A pattern in which {@code *} matches any run of characters and {@code ?} exactly one, as IAM uses in actions,
 * resources and {@code *Like} conditions. Characters can also be added as literals, which is how substituted
 * variable values and the {@code ${*}} escapes stay literal.
 *
 * <p>Matching never backtracks: the pattern is split at its {@code *}s into segments, the first anchored at the
 * start, the last at the end, and the others found leftmost in order. Leftmost placement is always safe because a
 * later segment can only gain room from an earlier placement. A match costs at most one scan per segment.
 */
public final class GlobPattern {

    private static final int ANY_ONE = -1;
    private static final int ANY_RUN = -2;

    /** Characters, {@link #ANY_ONE} and {@link #ANY_RUN}, with no two {@code ANY_RUN}s in a row. */
    private final int[] tokens;

    /** The runs of tokens between {@code ANY_RUN}s, leading and trailing empty runs dropped. */
    private final int[][] segments;

    private final boolean leadingStar;
    private final boolean trailingStar;

    private GlobPattern(int[] tokens) {
        this.tokens = tokens;
        this.leadingStar = tokens.length > 0 && tokens[0] == ANY_RUN;
        this.trailingStar = tokens.length > 0 && tokens[tokens.length - 1] == ANY_RUN;
        List<int[]> runs = new ArrayList<>();
        int runStart = 0;
        for (int i = 0; i <= tokens.length; i++) {
            if (i == tokens.length || tokens[i] == ANY_RUN) {
                if (i > runStart || (!leadingStar && !trailingStar && tokens.length == 0)) {
                    runs.add(Arrays.copyOfRange(tokens, runStart, i));
                }
                runStart = i + 1;
            }
        }
        this.segments = runs.toArray(new int[0][]);
    }

    /** Compiles {@code pattern}, treating {@code *} and {@code ?} as wildcards. */
    public static GlobPattern compile(String pattern) {
        return builder().appendPattern(pattern).build();
    }

    /** Compiles {@code text} with every character literal. */
    public static GlobPattern literal(String text) {
        return builder().appendLiteral(text).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns true when {@code value} matches the whole pattern. */
    public boolean matches(String value, boolean ignoreCase) {
        if (!leadingStar && !trailingStar && segments.length == 1) {
            return segments[0].length == value.length() && regionMatches(segments[0], value, 0, ignoreCase);
        }
        int start = 0;
        int end = value.length();
        int first = 0;
        int last = segments.length - 1;
        if (!leadingStar) {
            int[] head = segments[0];
            if (head.length > end || !regionMatches(head, value, 0, ignoreCase)) {
                return false;
            }
            start = head.length;
            first = 1;
        }
        if (!trailingStar) {
            int[] tail = segments[last];
            int tailStart = end - tail.length;
            if (tailStart < start || !regionMatches(tail, value, tailStart, ignoreCase)) {
                return false;
            }
            end = tailStart;
            last--;
        }
        for (int i = first; i <= last; i++) {
            int found = indexOf(segments[i], value, start, end, ignoreCase);
            if (found < 0) {
                return false;
            }
            start = found + segments[i].length;
        }
        return true;
    }

    /** Returns true when the pattern has no wildcard, so that it matches exactly one string. */
    public boolean isLiteral() {
        return Arrays.stream(tokens).allMatch(c -> c >= 0);
    }

    /**
     * Splits the pattern at its first {@code limit - 1} literal occurrences of {@code separator}, as ARN fields are
     * split at colons. Wildcards never split.
     */
    public List<GlobPattern> split(char separator, int limit) {
        List<GlobPattern> parts = new ArrayList<>();
        Builder current = builder();
        for (int token : tokens) {
            if (token == separator && parts.size() < limit - 1) {
                parts.add(current.build());
                current = builder();
            } else {
                current.append(token);
            }
        }
        parts.add(current.build());
        return parts;
    }

    /** Returns the pattern as policy text, wildcards printed as {@code *} and {@code ?}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(tokens.length);
        for (int token : tokens) {
            if (token == ANY_RUN) {
                text.append('*');
            } else if (token == ANY_ONE) {
                text.append('?');
            } else {
                text.append((char) token);
            }
        }
        return text.toString();
    }

    private static int indexOf(int[] segment, String value, int from, int to, boolean ignoreCase) {
        for (int i = from; i + segment.length <= to; i++) {
            if (regionMatches(segment, value, i, ignoreCase)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean regionMatches(int[] segment, String value, int offset, boolean ignoreCase) {
        for (int i = 0; i < segment.length; i++) {
            int expected = segment[i];
            if (expected == ANY_ONE) {
                continue;
            }
            char actual = value.charAt(offset + i);
            if (actual != expected && !(ignoreCase && equalsIgnoreCase(actual, (char) expected))) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalsIgnoreCase(char a, char b) {
        return Character.toUpperCase(a) == Character.toUpperCase(b)
                || Character.toLowerCase(a) == Character.toLowerCase(b);
    }

    /** Builds a pattern from pattern text, literal text and single wildcards. */
    public static final class Builder {
        private final List<Integer> tokens = new ArrayList<>();

        private Builder() {}

        public Builder appendPattern(String pattern) {
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '*') {
                    append(ANY_RUN);
                } else if (c == '?') {
                    append(ANY_ONE);
                } else {
                    append(c);
                }
            }
            return this;
        }

        public Builder appendLiteral(String literal) {
            literal.chars().forEach(this::append);
            return this;
        }

        public Builder appendAnyRun() {
            return append(ANY_RUN);
        }

        public Builder appendAnyOne() {
            return append(ANY_ONE);
        }

        private Builder append(int token) {
            boolean repeatedRun = token == ANY_RUN && !tokens.isEmpty() && tokens.get(tokens.size() - 1) == ANY_RUN;
            if (!repeatedRun) {
                tokens.add(token);
            }
            return this;
        }

        public GlobPattern build() {
            return new GlobPattern(tokens.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
