package dev.policyproof.engine.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.check.CheckResult;
import dev.policyproof.engine.check.Expectations;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionChecksSmokeTest {

    private static PolicySet load(String name) {
        return PolicySet.of(PolicyParser.identity().parse(Path.of("src/test/resources/policies", name)));
    }

    @Test
    void naive_policy_grants_default_shell() {
        CheckResult result = Expectations.startSessionOnlyWithDocuments(
                        SessionScope.DEFAULT, List.of(SessionDocument.PORT_FORWARD_TO_REMOTE_HOST))
                .check(load("naive-engineer.json"), "naive-engineer.json");
        assertThat(result.passed()).isFalse();
    }

    @Test
    void tunnel_only_policy_passes() {
        PolicySet policies = load("tunnel-only-engineer.json");
        CheckResult docs = Expectations.startSessionOnlyWithDocuments(
                        SessionScope.DEFAULT, List.of(SessionDocument.PORT_FORWARD_TO_REMOTE_HOST))
                .check(policies, "t");
        CheckResult tag = Expectations.startSessionOnlyForTag(SessionScope.DEFAULT, "Name", "app-bastion")
                .check(policies, "t");
        CheckResult allowed = Expectations.allowsStartSession(SessionScope.DEFAULT).check(policies, "t");
        assertThat(docs.passed()).isTrue();
        assertThat(tag.passed()).isTrue();
        assertThat(allowed.passed()).isTrue();
    }
}
