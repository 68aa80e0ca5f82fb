package dev.policyproof.benchmarks;

import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.check.Expectation;
import dev.policyproof.engine.check.Expectations;
import dev.policyproof.engine.proof.ActionSpace;
import dev.policyproof.engine.proof.Scope;
import dev.policyproof.engine.ssm.SessionDocument;
import dev.policyproof.engine.ssm.SessionScope;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Measures the prover: each property check on the bastion engineer policy, and {@code grantsOnly} on generated
 * policies of growing size and number of condition keys, all over the bundled action catalogue.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ProverBenchmark {

    /** The bastion engineer policy and one expectation on it. */
    @State(org.openjdk.jmh.annotations.Scope.Benchmark)
    public static class Bastion {

        /** The property checked. */
        @Param({"GRANTS_ONLY", "NEVER_ALLOWS", "NO_SHELL", "OWN_SESSIONS", "SESSION_ALLOWED", "ONLY_WITH_DOCUMENT",
            "ONLY_FOR_TAG"})
        public String check;

        PolicySet policies;
        Expectation expectation;

        @Setup
        public void load() {
            policies = PolicySet.of(PolicyParser.identity().parse("engineer-tunnel.json", resource()));
            ActionSpace.bundled();
            expectation = switch (check) {
                case "GRANTS_ONLY" -> Expectations.grantsOnly(List.of(
                        Scope.actions("ssm:StartSession").withResources("arn:aws:ec2:*:*:instance/*",
                                "arn:aws:ssm:*::document/AWS-StartPortForwardingSessionToRemoteHost"),
                        Scope.actions("ssm:TerminateSession", "ssm:ResumeSession"),
                        Scope.actions("ssmmessages:OpenDataChannel", "ssm:DescribeSessions",
                                "ssm:GetConnectionStatus", "ssm:DescribeInstanceProperties", "ec2:DescribeInstances")));
                case "NEVER_ALLOWS" -> Expectations.neverAllows(Scope.actions("ssm:SendCommand"));
                case "NO_SHELL" -> Expectations.doesNotAllowShellOn(SessionScope.DEFAULT, "arn:aws:ec2:*:*:instance/*");
                case "OWN_SESSIONS" -> Expectations.endsOnlyOwnSessions(SessionScope.DEFAULT);
                case "SESSION_ALLOWED" -> Expectations.allowsStartSession(SessionScope.DEFAULT);
                case "ONLY_WITH_DOCUMENT" -> Expectations.startSessionOnlyWithDocuments(
                        SessionScope.DEFAULT, List.of(SessionDocument.PORT_FORWARD_TO_REMOTE_HOST));
                case "ONLY_FOR_TAG" -> Expectations.startSessionOnlyForTag(SessionScope.DEFAULT, "Name", "app-bastion");
                default -> throw new IllegalArgumentException("unknown check " + check);
            };
        }

        private static String resource() {
            try (InputStream in = ProverBenchmark.class.getResourceAsStream("engineer-tunnel.json")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A generated identity policy and a grantsOnly question that must look at every statement. */
    @State(org.openjdk.jmh.annotations.Scope.Benchmark)
    public static class Generated {

        @Param({"10", "100", "1000"})
        public int statements;

        /** Distinct condition keys the statements draw from; 0 means statements without conditions. */
        @Param({"0", "2", "8"})
        public int conditionKeys;

        PolicySet policies;

        @Setup
        public void generate() {
            ActionSpace.bundled();
            policies = PolicySet.of(PolicyParser.identity().parse("generated.json", policy(statements, conditionKeys)));
        }
    }

    @Benchmark
    public void bastionCheck(Bastion bastion, Blackhole blackhole) {
        blackhole.consume(bastion.expectation.check(bastion.policies, "bastion"));
    }

    @Benchmark
    public void grantsOnlyGenerated(Generated generated, Blackhole blackhole) {
        blackhole.consume(Expectations.grantsOnly(List.of(Scope.actions("s3:*")))
                .check(generated.policies, "generated"));
    }

    /** Generates allows and denies over eight services, with seeded wildcards and string conditions. */
    static String policy(int statements, int conditionKeys) {
        String[] services = {"s3", "ec2", "ssm", "dynamodb", "sqs", "lambda", "kms", "logs"};
        Random random = new Random(42);
        StringBuilder json = new StringBuilder("{\"Version\": \"2012-10-17\", \"Statement\": [");
        for (int i = 0; i < statements; i++) {
            String service = services[random.nextInt(services.length)];
            json.append(i == 0 ? "" : ", ")
                    .append("{\"Effect\": \"").append(random.nextInt(10) == 0 ? "Deny" : "Allow")
                    .append("\", \"Action\": \"").append(service).append(':')
                    .append(random.nextBoolean() ? "Get*" : "Describe*")
                    .append("\", \"Resource\": \"arn:aws:").append(service).append(":*:*:res-").append(i).append("/*\"");
            if (conditionKeys > 0) {
                json.append(", \"Condition\": {\"StringEquals\": {\"aws:PrincipalTag/k")
                        .append(random.nextInt(conditionKeys)).append("\": \"v").append(random.nextInt(3))
                        .append("\"}}");
            }
            json.append('}');
        }
        return json.append("]}").toString();
    }
}
