package dev.policyproof.benchmarks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/**
 * Generates request contexts for the keys that {@link ConditionGenerator} tests, with values that sometimes match
 * and sometimes do not. Keys tested by negated operators are always set, and the others are sometimes absent.
 */
final class ContextGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> SOURCE_IPS = List.of("10.1.2.3", "192.0.2.44", "198.51.100.7", "203.0.113.9");
    private static final List<String> TIMES = List.of("2025-03-14T09:30:00Z", "2025-11-02T18:00:00Z");

    private final Random random;

    ContextGenerator(Random random) {
        this.random = random;
    }

    /** Returns the context of a request by {@code user}, whose account owns the topics named in aws:SourceArn. */
    ObjectNode context(String user) {
        ObjectNode context = JSON.objectNode();
        context.put("aws:username", user);
        context.put("aws:SourceIp", pick(SOURCE_IPS));
        context.put("aws:SecureTransport", random.nextInt(5) == 0 ? "false" : "true");
        context.put("aws:CurrentTime", pick(TIMES));
        context.put("aws:RequestedRegion", random.nextInt(6) == 0 ? "ap-south-1" : "us-east-1");
        context.put("aws:PrincipalTag/team", pick(PolicyGenerator.TEAMS));
        if (random.nextBoolean()) {
            context.put("aws:PrincipalTag/project", random.nextBoolean() ? "proj-ledger" : "app-7");
        }
        if (random.nextBoolean()) {
            context.put("aws:PrincipalTag/owner", random.nextInt(3) == 0 ? "nobody" : user);
        }
        if (random.nextBoolean()) {
            context.put("aws:SourceArn", "arn:aws:sns:us-east-1:" + PolicyGenerator.CALLER_ACCOUNT + ":alerts-1");
        }
        if (random.nextBoolean()) {
            context.put("aws:MultiFactorAuthPresent", "true");
            context.put("aws:MultiFactorAuthAge", random.nextBoolean() ? "120" : "7200");
        }
        return context;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
