package dev.policyproof.benchmarks;

/** The values that {@link GlobBenchmark} matches against {@code *a*a*a*a*b}. */
public enum GlobValue {
    /** Only {@code a}s, no match: the input that makes backtracking matchers try every split. */
    ALL_A {
        @Override
        String of(int length) {
            return "a".repeat(length);
        }
    },

    /** {@code x}s then {@code aaab}, no match: the search for the segments scans the whole value. */
    SCAN_MISS {
        @Override
        String of(int length) {
            return "x".repeat(length - 4) + "aaab";
        }
    },

    /** {@code x}s then {@code aaaab}, a match found only at the end of the value. */
    SCAN_MATCH {
        @Override
        String of(int length) {
            return "x".repeat(length - 5) + "aaaab";
        }
    };

    abstract String of(int length);
}
