package dev.policyproof.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.Request;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Requests the simulator cannot represent get a reason and no call, never a decision on another question. */
class NotComparableTest {

    private static final String GRANT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"NumericLessThan\":{\"s3:max-keys\":\"10\"}}},"
            + "{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteBucket\",\"Resource\":\"*\","
            + "\"Condition\":{\"StringEquals\":{\"s3:max-keys\":\"5\"}}}]}";
    private static final String BUCKET = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}}";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"sts:AssumeRole\"}}";
    private static final String OBJECT = "arn:aws:s3:::b/key";

    private final StubAws stub = new StubAws();

    @AfterEach
    void stop() {
        stub.close();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("session policy", set(b -> b.sessionPolicy(identity("session", GRANT))),
                        Request.of("s3:GetObject", OBJECT).build(), "session policies cannot be passed"),
                Arguments.of("SCP", set(b -> b.scpLevels(List.of(List.of(identity("scp", GRANT))))),
                        Request.of("s3:GetObject", OBJECT).build(), "SCPs cannot be passed"),
                Arguments.of("RCP", set(b -> b.rcpLevels(List.of(List.of(resource("rcp", BUCKET))))),
                        Request.of("s3:GetObject", OBJECT).build(), "resource control policies"),
                Arguments.of("VPC endpoint", set(b -> b.vpcEndpointPolicy(resource("vpce", BUCKET))),
                        Request.of("s3:GetObject", OBJECT).build(), "VPC endpoint policies"),
                Arguments.of("trust policy", set(b -> b.resourcePolicy(
                                PolicyParser.forKind(PolicyKind.TRUST).parse("trust", TRUST))),
                        Request.of("sts:AssumeRole", "arn:aws:iam::111122223333:role/r")
                                .principal("arn:aws:iam::111122223333:user/u").build(),
                        "does not evaluate role trust policies"),
                Arguments.of("Session Manager", set(b -> b),
                        Request.of("ssm:StartSession", "arn:aws:ec2:us-east-1:111122223333:instance/i-1").build(),
                        "Session Manager document semantics"),
                Arguments.of("resource policy without caller", set(b -> b.resourcePolicy(resource("bucket", BUCKET))),
                        Request.of("s3:GetObject", OBJECT).build(), "the request names no principal"),
                Arguments.of("resource policy with session caller",
                        set(b -> b.resourcePolicy(resource("bucket", BUCKET))),
                        Request.of("s3:GetObject", OBJECT)
                                .principal("arn:aws:sts::111122223333:assumed-role/r/s").build(),
                        "must be an IAM user or role"),
                Arguments.of("ambiguous context type", set(b -> b),
                        Request.of("s3:ListBucket", "arn:aws:s3:::b").contextValue("s3:max-keys", "7").build(),
                        "as numeric and string"),
                Arguments.of("untyped context value",
                        set(b -> b.identity(List.of(identity("numbers", GRANT.replace("StringEquals",
                                "NumericEquals"))))),
                        Request.of("s3:ListBucket", "arn:aws:s3:::b").contextValue("s3:max-keys", "many").build(),
                        "\"many\" of context key s3:max-keys is not a valid numeric"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reports_reason_without_calling(String name, PolicySet set, Request request, String reason) {
        // GIVEN
        Map<String, String> texts = texts();

        // WHEN
        Comparison comparison;
        try (RemoteChecks remote = stub.remote()) {
            comparison = remote.comparator().compare(PolicySources.of(set, texts), request);
        }

        // THEN
        assertThat(comparison.verdict()).isEqualTo(Comparison.Verdict.NOT_COMPARABLE);
        assertThat(comparison.reason()).contains(reason);
        assertThat(comparison.local()).isNotNull();
        assertThat(stub.requests()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversizedTexts")
    void rejects_texts_the_simulator_cannot_take(String name, String text, String reason) {
        // GIVEN
        Policy policy = identity("odd", text);

        // WHEN
        SimulatorDecision decision;
        try (RemoteChecks remote = stub.remote()) {
            decision = remote.simulator().simulate(PolicySources.of(PolicySet.of(policy), Map.of("odd", text)),
                    Request.of("s3:GetObject", OBJECT).build());
        }

        // THEN
        assertThat(decision.comparable()).isFalse();
        assertThat(decision.notComparableReason()).contains(reason);
        assertThat(stub.requests()).isEmpty();
    }

    static Stream<Arguments> oversizedTexts() {
        String padded = GRANT.substring(0, GRANT.length() - 1) + ",\"Id\":\"" + "x".repeat(131_072) + "\"}";
        String accented = GRANT.replaceFirst("\"Resource\":\"\\*\"", "\"Resource\":\"arn:aws:s3:::b/\u2192\"");
        return Stream.of(
                Arguments.of("too long", padded, "more than the 131072 the simulator takes"),
                Arguments.of("outside Latin-1", accented, "contains the character U+2192 on line 1"));
    }

    private static PolicySet set(UnaryOperator<PolicySet.Builder> roles) {
        return roles.apply(PolicySet.builder().identity(List.of(identity("grant", GRANT)))).build();
    }

    private static Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("grant", GRANT);
        texts.put("numbers", GRANT.replace("StringEquals", "NumericEquals"));
        texts.put("bucket", BUCKET);
        texts.put("trust", TRUST);
        return texts;
    }

    private static Policy identity(String name, String text) {
        return PolicyParser.identity().parse(name, text);
    }

    private static Policy resource(String name, String text) {
        return PolicyParser.forKind(PolicyKind.RESOURCE).parse(name, text);
    }
}
