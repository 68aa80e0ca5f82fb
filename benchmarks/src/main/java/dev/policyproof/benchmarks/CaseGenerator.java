package dev.policyproof.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a cases file of generated evaluation cases, the same file for the same seed and count. The cases mix
 * identity policies alone, with a permissions boundary, with SCP levels, and with resource policies in the same and
 * in another account. They carry no {@code expected} decision, because they exist to compare evaluators.
 *
 * <pre>
 * java -cp benchmarks.jar dev.policyproof.benchmarks.CaseGenerator --output cases.jsonl [--count 10000] [--seed 1]
 * </pre>
 */
public final class CaseGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String USAGE =
            "usage: CaseGenerator --output FILE [--count CASES, default 10000] [--seed NUMBER, default 1]";

    private final Random random;
    private final PolicyGenerator policies;
    private final ContextGenerator contexts;

    CaseGenerator(long seed) {
        this.random = new Random(seed);
        this.policies = new PolicyGenerator(random);
        this.contexts = new ContextGenerator(random);
    }

    /** Writes the cases file, or exits with status 2 and a usage message when the options are invalid. */
    public static void main(String[] args) throws IOException {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    private static void run(String[] args) throws IOException {
        Path output = null;
        int count = 10_000;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--output" -> output = Path.of(requireValue(args[i], value));
                case "--count" -> count = Integer.parseInt(requireValue(args[i], value));
                case "--seed" -> seed = Long.parseLong(requireValue(args[i], value));
                default -> throw usageError("unknown option " + args[i]);
            }
            i++;
        }
        if (output == null) {
            throw usageError("missing option --output");
        }
        new CaseGenerator(seed).write(output, count);
    }

    void write(Path output, int count) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            for (int number = 1; number <= count; number++) {
                writer.write(nextCase(number).toString());
                writer.newLine();
            }
        }
    }

    ObjectNode nextCase(int number) {
        CaseShape shape = CaseShape.at(random.nextInt(100));
        Service service = Service.values()[random.nextInt(Service.values().length)];
        String user = pick(PolicyGenerator.USERS);
        String owner = shape.crossAccount() ? PolicyGenerator.OTHER_ACCOUNT : PolicyGenerator.CALLER_ACCOUNT;
        policies.focusOn(service);

        ObjectNode testCase = JSON.objectNode();
        testCase.put("id", String.format(Locale.ROOT, "generated-%05d", number));
        testCase.put("topic", shape.topic());
        testCase.set("policies", policySet(shape, owner));
        testCase.set("request", request(service, user, owner));
        return testCase;
    }

    private ObjectNode policySet(CaseShape shape, String owner) {
        ObjectNode set = JSON.objectNode();
        int identityPolicies = shape == CaseShape.RESOURCE_SAME_ACCOUNT ? random.nextInt(3) : 1 + random.nextInt(3);
        ArrayNode identity = set.putArray("identity");
        for (int i = 0; i < identityPolicies; i++) {
            identity.add(policies.identityPolicy(1 + random.nextInt(8)));
        }
        set.set("resource", shape.hasResourcePolicy() ? policies.resourcePolicy(1 + random.nextInt(6), owner) : null);
        boolean boundary = shape == CaseShape.WITH_BOUNDARY || (shape == CaseShape.WITH_SCPS && random.nextInt(3) == 0);
        set.set("boundary", boundary ? policies.boundary(1 + random.nextInt(3)) : null);
        set.set("scp", shape == CaseShape.WITH_SCPS ? scpLevels() : null);
        return set;
    }

    /** Returns one to three levels. A level with one policy is written as the policy alone, as the format allows. */
    private ArrayNode scpLevels() {
        ArrayNode levels = JSON.arrayNode();
        int count = 1 + random.nextInt(3);
        for (int level = 1; level <= count; level++) {
            List<ObjectNode> attached = policies.scpLevel(level);
            if (attached.size() == 1) {
                levels.add(attached.get(0));
            } else {
                levels.addArray().addAll(attached);
            }
        }
        return levels;
    }

    private ObjectNode request(Service service, String user, String owner) {
        ObjectNode request = JSON.objectNode();
        request.put("principal", "arn:aws:iam::" + PolicyGenerator.CALLER_ACCOUNT + ":user/" + user);
        request.put("action", pick(service.actions()));
        request.put("resource", service.arn(owner, random.nextInt(PolicyGenerator.RESOURCES_PER_SERVICE), key(user)));
        request.set("context", contexts.context(user));
        if (service == Service.S3) {
            request.put("resourceAccount", owner);
        }
        return request;
    }

    /** Returns an S3 object key: mostly under the caller's own prefix, sometimes another user's or a shared one. */
    private String key(String user) {
        int kind = random.nextInt(5);
        String prefix;
        if (kind < 3) {
            prefix = user;
        } else if (kind == 3) {
            prefix = pick(PolicyGenerator.USERS);
        } else {
            prefix = "shared";
        }
        return prefix + "/report-" + random.nextInt(10) + ".csv";
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String requireValue(String option, String value) {
        if (value == null) {
            throw usageError("missing value for " + option);
        }
        return value;
    }

    private static IllegalArgumentException usageError(String message) {
        return new IllegalArgumentException(message + "\n" + USAGE);
    }
}
