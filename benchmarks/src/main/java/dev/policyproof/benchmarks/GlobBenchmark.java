package dev.policyproof.benchmarks;

import dev.policyproof.engine.internal.GlobPattern;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matches {@code *a*a*a*a*b} against long values. On a value of n {@code a}s, a backtracking matcher tries every
 * placement of the four {@code a}s, of the order of n^4 placements. The engine's matcher places each segment
 * leftmost, so its time should grow linearly with the length.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GlobBenchmark {

    static final String PATTERN = "*a*a*a*a*b";

    /** Characters in the matched value. */
    @Param({"1000", "10000", "100000"})
    public int length;

    @Param({"ALL_A", "SCAN_MISS", "SCAN_MATCH"})
    public GlobValue value;

    private GlobPattern pattern;
    private String text;

    @Setup
    public void compile() {
        pattern = GlobPattern.compile(PATTERN);
        text = value.of(length);
    }

    @Benchmark
    public boolean matches() {
        return pattern.matches(text, false);
    }
}
