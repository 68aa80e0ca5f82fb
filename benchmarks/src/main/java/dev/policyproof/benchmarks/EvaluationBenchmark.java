package dev.policyproof.benchmarks;

import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.Request;
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

/** Measures the evaluation of one request against parsed and compiled policy sets of growing size. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EvaluationBenchmark {

    /** Statements in each policy of the set. */
    @Param({"10", "100", "1000"})
    public int statements;

    @Param({"IDENTITY_ONLY", "BOUNDARY_AND_SCPS", "CROSS_ACCOUNT_RESOURCE"})
    public PolicySetShape shape;

    private PolicySet policies;
    private Request request;

    @Setup
    public void generatePolicies() {
        policies = shape.build(statements);
        request = shape.request();
    }

    @Benchmark
    public void evaluate(Blackhole blackhole) {
        blackhole.consume(policies.evaluate(request));
    }
}
