package dev.policyproof.benchmarks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/** Generates {@code Condition} blocks over the global keys that {@link ContextGenerator} sets. */
final class ConditionGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Random random;

    ConditionGenerator(Random random) {
        this.random = random;
    }

    /** Returns one or two positive conditions, the kind that narrows an {@code Allow}. */
    ObjectNode forAllow(String account) {
        ObjectNode condition = JSON.objectNode();
        addAllowCondition(condition, account);
        if (random.nextInt(3) == 0) {
            addAllowCondition(condition, account);
        }
        return condition;
    }

    /**
     * Returns a condition of the kind that guards a {@code Deny}. Negated operators only test keys that every
     * generated request sets.
     */
    ObjectNode forDeny() {
        ObjectNode condition = JSON.objectNode();
        switch (random.nextInt(5)) {
            case 0 -> put(condition, "Bool", "aws:SecureTransport", "false");
            case 1 -> put(condition, "NotIpAddress", "aws:SourceIp", "10.0.0.0/8", "192.0.2.0/24");
            case 2 -> put(condition, "StringNotEquals", "aws:RequestedRegion", "us-east-1", "eu-west-1");
            case 3 -> put(condition, "DateGreaterThan", "aws:CurrentTime", "2025-09-01T00:00:00Z");
            default -> put(condition, "StringEquals", "aws:PrincipalTag/team", pickTeam());
        }
        return condition;
    }

    private void addAllowCondition(ObjectNode condition, String account) {
        switch (random.nextInt(10)) {
            case 0 -> put(condition, "StringEquals", "aws:PrincipalTag/team", pickTeam(), pickTeam());
            case 1 -> put(condition, "StringLike", "aws:PrincipalTag/project", pickOne("proj-*", "app-?"));
            case 2 -> put(condition, "StringEquals", "aws:PrincipalTag/owner", "${aws:username}");
            case 3 -> put(condition, "ArnLike", "aws:SourceArn", "arn:aws:sns:us-east-1:" + account + ":alerts-*");
            case 4 -> put(condition, "NumericLessThan", "aws:MultiFactorAuthAge", pickOne("3600", "600"));
            case 5 -> put(condition, "DateLessThan", "aws:CurrentTime", "2026-01-01T00:00:00Z");
            case 6 -> put(condition, "IpAddress", "aws:SourceIp", "10.0.0.0/8", "198.51.100.0/24");
            case 7 -> put(condition, "Bool", "aws:MultiFactorAuthPresent", "true");
            case 8 -> put(condition, "Bool", "aws:SecureTransport", "true");
            default -> put(condition, "StringEqualsIgnoreCase", "aws:RequestedRegion", "US-EAST-1");
        }
    }

    /** Sets {@code key} under {@code operator}, replacing an earlier value of the same key. */
    private static void put(ObjectNode condition, String operator, String key, String... values) {
        ObjectNode keys = condition.withObjectProperty(operator);
        if (values.length == 1) {
            keys.put(key, values[0]);
        } else {
            keys.set(key, PolicyGenerator.array(List.of(values)));
        }
    }

    private String pickOne(String first, String second) {
        return random.nextBoolean() ? first : second;
    }

    private String pickTeam() {
        return PolicyGenerator.TEAMS.get(random.nextInt(PolicyGenerator.TEAMS.size()));
    }
}
