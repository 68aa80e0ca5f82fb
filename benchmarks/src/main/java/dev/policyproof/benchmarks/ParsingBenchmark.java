package dev.policyproof.benchmarks;

import dev.policyproof.engine.PolicyParser;
import java.util.Random;
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
import org.openjdk.jmh.infra.Blackhole;

/** Measures parsing an identity policy from JSON text into the policy model, with full validation. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ParsingBenchmark {

    @Param({"10", "100", "1000"})
    public int statements;

    private String json;

    @Setup
    public void generatePolicy() {
        json = new PolicyGenerator(new Random(20_260_102L)).identityPolicy(statements).toString();
    }

    @Benchmark
    public void parse(Blackhole blackhole) {
        blackhole.consume(PolicyParser.identity().parse("generated.json", json));
    }
}
