package dev.policyproof.suites.bastion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.check.CheckResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class NoPrivilegeEscalationTest {

    private static final String TUNNEL = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ssm:StartSession",
             "Resource": "arn:aws:ssm:*::document/AWS-StartPortForwardingSession"}]}""";

    private static final List<String> ACTIONS = NoPrivilegeEscalation.ESCALATION_ACTIONS;

    private final NoPrivilegeEscalation expectation = new NoPrivilegeEscalation();

    private static PolicySet policy(String json) {
        return PolicySet.of(PolicyParser.identity().parse("engineer.json", json));
    }

    @Test
    void tunnel_policy_passes() {
        CheckResult result = expectation.check(policy(TUNNEL), "engineer");

        assertThat(result.passed()).isTrue();
    }

    @ParameterizedTest
    @FieldSource("ACTIONS")
    void each_escalation_action_fails(String action) {
        String json = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "%s", "Resource": "*"}]}"""
                .formatted(action);

        CheckResult result = expectation.check(policy(json), "engineer");

        assertThat(result.passed()).isFalse();
        assertThat(result.failure().orElseThrow()).contains(action);
    }

    @Test
    void rule_id_and_description() {
        assertThat(expectation.ruleId()).isEqualTo("PP-BASTION-ESCALATION");
        assertThat(expectation.description()).isEqualTo("grants no IAM action that escalates privileges");
    }
}
