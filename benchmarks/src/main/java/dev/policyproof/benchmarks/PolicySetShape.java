package dev.policyproof.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The policy sets that {@link EvaluationBenchmark} evaluates, each sized by the number of statements per policy. The
 * last statement of each granting policy allows {@link BenchmarkRequest}, and no generated {@code Deny} applies to
 * it, so every set allows the request.
 */
public enum PolicySetShape {
    /** One identity policy. */
    IDENTITY_ONLY(PolicyGenerator.CALLER_ACCOUNT) {
        @Override
        PolicySet build(PolicyGenerator generator, int statements) {
            return PolicySet.builder().addIdentity(identity(generator, statements)).build();
        }
    },

    /** One identity policy within a permissions boundary and three SCP levels, all of the same size. */
    BOUNDARY_AND_SCPS(PolicyGenerator.CALLER_ACCOUNT) {
        @Override
        PolicySet build(PolicyGenerator generator, int statements) {
            List<List<Policy>> levels = new ArrayList<>();
            for (int level = 1; level <= 3; level++) {
                levels.add(List.of(parse("scp-" + level, withTarget(generator.identityPolicy(statements)))));
            }
            return PolicySet.builder()
                    .addIdentity(identity(generator, statements))
                    .permissionsBoundary(parse("boundary", withTarget(generator.identityPolicy(statements))))
                    .scpLevels(levels)
                    .build();
        }
    },

    /** An identity policy and a resource policy in another account, so that both must allow. */
    CROSS_ACCOUNT_RESOURCE(PolicyGenerator.OTHER_ACCOUNT) {
        @Override
        PolicySet build(PolicyGenerator generator, int statements) {
            ObjectNode resource = generator.resourcePolicy(statements, owner());
            ObjectNode target = BenchmarkRequest.targetStatement(owner());
            target.putObject("Principal").put("AWS", BenchmarkRequest.PRINCIPAL);
            resource.withArray("Statement").set(statements - 1, target);
            return PolicySet.builder()
                    .addIdentity(identity(generator, statements))
                    .resourcePolicy(PolicyParser.forKind(PolicyKind.RESOURCE).parse("resource", resource.toString()))
                    .build();
        }
    };

    private static final long SEED = 20_260_101L;

    private final String owner;

    PolicySetShape(String owner) {
        this.owner = owner;
    }

    /** Returns the account that owns the requested resource. */
    String owner() {
        return owner;
    }

    /** Returns the request that every policy set of this shape is evaluated against. */
    public Request request() {
        return BenchmarkRequest.forOwner(owner);
    }

    /** Returns a policy set with {@code statements} statements in each policy, the same for every call. */
    public PolicySet build(int statements) {
        PolicyGenerator generator = new PolicyGenerator(new Random(SEED));
        generator.focusOn(Service.S3);
        return build(generator, statements);
    }

    abstract PolicySet build(PolicyGenerator generator, int statements);

    Policy identity(PolicyGenerator generator, int statements) {
        return parse("identity", withTarget(generator.identityPolicy(statements)));
    }

    /** Replaces the last statement with one that allows the benchmark request. */
    ObjectNode withTarget(ObjectNode policy) {
        int last = policy.withArray("Statement").size() - 1;
        policy.withArray("Statement").set(last, BenchmarkRequest.targetStatement(owner));
        return policy;
    }

    private static Policy parse(String name, ObjectNode policy) {
        return PolicyParser.identity().parse(name, policy.toString());
    }
}
