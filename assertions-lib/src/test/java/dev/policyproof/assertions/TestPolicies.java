package dev.policyproof.assertions;

import java.nio.file.Path;

/** The policies under {@code src/test/resources/policies} and a way to compare messages on any platform. */
final class TestPolicies {

    static final Path NAIVE = policy("naive-engineer.json");
    static final Path TUNNEL_ONLY = policy("tunnel-only-engineer.json");
    static final Path ANY_AWS_DOCUMENT = policy("any-aws-document-engineer.json");
    static final Path ANY_INSTANCE = policy("any-instance-engineer.json");
    static final Path OFFICE_NETWORK = policy("office-network-engineer.json");
    static final Path REPORTS_READER = policy("reports-reader.json");

    static final String REPORT = "arn:aws:s3:::reports/q1.csv";
    static final String LEDGER = "arn:aws:s3:::data/ledger.csv";
    static final String REPORTS_ENDPOINT = "vpce-1a2b3c4d";

    private TestPolicies() {}

    private static Path policy(String name) {
        return Path.of("src/test/resources/policies", name);
    }

    /** Returns the error's message with {@code \n} line ends, because the engine joins lines with the platform's. */
    static String messageOf(Throwable error) {
        return error.getMessage().replace(System.lineSeparator(), "\n");
    }
}
