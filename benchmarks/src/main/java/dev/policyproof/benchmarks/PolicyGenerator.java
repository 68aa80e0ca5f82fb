package dev.policyproof.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Generates IAM policies from a seed, so that every run generates the same documents. Statements mix exact names,
 * wildcards and policy variables with the condition operator families String, Arn, Numeric, Date, IpAddress and
 * Bool. Every policy has {@code "Version": "2012-10-17"}, because variables are only substituted in that version.
 *
 * <p>Negated operators are only used on keys that {@link ContextGenerator} always sets, and dates are ISO 8601
 * throughout, so that the cases stay inside what both evaluators of the oracle comparison implement.
 */
final class PolicyGenerator {

    static final String CALLER_ACCOUNT = "111122223333";
    static final String OTHER_ACCOUNT = "444455556666";
    static final List<String> USERS = List.of("alice", "bob", "carol", "dave");
    static final List<String> TEAMS = List.of("team-0", "team-1", "team-2", "team-3");
    static final int RESOURCES_PER_SERVICE = 4;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Random random;
    private final ConditionGenerator conditions;
    private @Nullable Service focus;

    PolicyGenerator(Random random) {
        this.random = random;
        this.conditions = new ConditionGenerator(random);
    }

    /**
     * Makes most later statements name {@code service}, so that policies written for one request are likely to
     * mention its service. With {@code null}, statements spread evenly over all services.
     */
    void focusOn(@Nullable Service service) {
        this.focus = service;
    }

    /** Returns an identity policy of {@code statements} statements on resources of either account. */
    ObjectNode identityPolicy(int statements) {
        ArrayNode list = JSON.arrayNode();
        for (int i = 0; i < statements; i++) {
            String account = random.nextInt(3) == 0 ? OTHER_ACCOUNT : CALLER_ACCOUNT;
            list.add(statement("S" + i, random.nextInt(5) == 0 ? "Deny" : "Allow", account));
        }
        return policy(list);
    }

    /**
     * Returns a resource policy of {@code statements} statements on resources of {@code owner}, each naming a user of
     * the caller's account, the caller's account or {@code "*"} as principal.
     */
    ObjectNode resourcePolicy(int statements, String owner) {
        ArrayNode list = JSON.arrayNode();
        for (int i = 0; i < statements; i++) {
            ObjectNode statement = statement("R" + i, random.nextInt(6) == 0 ? "Deny" : "Allow", owner);
            statement.set("Principal", principal());
            list.add(statement);
        }
        return policy(list);
    }

    /** Returns a permissions boundary that allows a few whole services, some only under a condition. */
    ObjectNode boundary(int statements) {
        ArrayNode list = JSON.arrayNode();
        for (int i = 0; i < statements; i++) {
            ObjectNode statement = allowAll("B" + i, JSON.textNode(pick(Service.values()).prefix() + ":*"));
            if (random.nextInt(4) == 0) {
                statement.set("Condition", conditions.forAllow(CALLER_ACCOUNT));
            }
            list.add(statement);
        }
        return policy(list);
    }

    /**
     * Returns the policies attached at one SCP level: usually {@code FullAWSAccess}, otherwise an allow list of
     * services, and sometimes a deny statement with a condition next to it.
     */
    List<ObjectNode> scpLevel(int level) {
        ObjectNode allow = random.nextInt(4) == 0
                ? policy(JSON.arrayNode().add(allowAll("L" + level + "Services", serviceList())))
                : policy(JSON.arrayNode().add(allowAll("FullAWSAccess", JSON.textNode("*"))));
        if (random.nextInt(3) != 0) {
            return List.of(allow);
        }
        ObjectNode deny = statement("L" + level + "Guard", "Deny", CALLER_ACCOUNT);
        return List.of(allow, policy(JSON.arrayNode().add(deny)));
    }

    /**
     * Returns one statement on resources of {@code account}. Every {@code Deny} has a condition, as guard statements
     * usually do, and about half of the {@code Allow} statements have one.
     */
    ObjectNode statement(String sid, String effect, String account) {
        Service service = focus != null && random.nextInt(3) != 0 ? focus : pick(Service.values());
        ObjectNode statement = JSON.objectNode();
        statement.put("Sid", sid);
        statement.put("Effect", effect);
        statement.set("Action", action(service));
        statement.set("Resource", resource(service, account));
        if (effect.equals("Deny")) {
            statement.set("Condition", conditions.forDeny());
        } else if (random.nextBoolean()) {
            statement.set("Condition", conditions.forAllow(account));
        }
        return statement;
    }

    static ObjectNode policy(ArrayNode statements) {
        ObjectNode policy = JSON.objectNode();
        policy.put("Version", "2012-10-17");
        policy.set("Statement", statements);
        return policy;
    }

    private ArrayNode action(Service service) {
        Set<String> actions = new LinkedHashSet<>();
        int kind = random.nextInt(20);
        if (kind == 0) {
            actions.add("*");
        } else if (kind < 8) {
            actions.add(pick(service.actionPatterns()));
        } else {
            actions.add(pick(service.actions()));
            if (random.nextBoolean()) {
                actions.add(pick(service.actions()));
            }
        }
        return array(actions);
    }

    private ArrayNode resource(Service service, String account) {
        Set<String> resources = new LinkedHashSet<>();
        int kind = random.nextInt(10);
        int index = random.nextInt(RESOURCES_PER_SERVICE);
        if (kind == 0) {
            resources.add("*");
        } else if (kind < 4) {
            resources.add(service.arnPattern(account, index, random.nextInt(2)));
        } else if (kind < 6 && service == Service.S3) {
            resources.add("arn:aws:s3:::" + service.resourceName(account, index) + "/${aws:username}/*");
        } else {
            resources.add(service.arn(account, index, pick(USERS) + "/*"));
            if (random.nextBoolean()) {
                resources.add(service.arn(account, random.nextInt(RESOURCES_PER_SERVICE), "shared/*"));
            }
        }
        return array(resources);
    }

    private ObjectNode principal() {
        ObjectNode principal = JSON.objectNode();
        int kind = random.nextInt(10);
        if (kind < 5) {
            principal.put("AWS", "arn:aws:iam::" + CALLER_ACCOUNT + ":user/" + pick(USERS));
        } else if (kind < 8) {
            principal.put("AWS", CALLER_ACCOUNT);
        } else {
            principal.put("AWS", "*");
        }
        return principal;
    }

    private ArrayNode serviceList() {
        Set<String> services = new LinkedHashSet<>();
        for (Service service : Service.values()) {
            if (random.nextInt(4) != 0) {
                services.add(service.prefix() + ":*");
            }
        }
        return services.isEmpty() ? array(Set.of("s3:*")) : array(services);
    }

    private static ObjectNode allowAll(String sid, JsonNode actions) {
        ObjectNode statement = JSON.objectNode();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.set("Action", actions);
        statement.put("Resource", "*");
        return statement;
    }

    static ArrayNode array(Collection<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
