package dev.policyproof.engine.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.proof.Answer.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prover over the bundled catalogue: action wildcards expand to every real action they match. */
class CatalogAnalysisTest {

    private static PolicySet identity(String file) {
        return PolicySet.of(PolicyParser.identity().parse(Path.of("src/test/resources/policies", file)));
    }

    @Test
    void tunnel_policy_grants_only_sessions_and_own_session_ends() {
        // GIVEN the tunnel-only policy, whose TerminateSession statement compares with ${aws:userid}
        PolicyAnalyzer analyzer = PolicyAnalyzer.of(identity("tunnel-only-engineer.json"));

        // WHEN everything but StartSession on the instance and the port-forwarding document is excluded
        Answer answer = analyzer.findAllowedExcept(Scope.all(), List.of(
                Scope.actions("ssm:StartSession").withResources(
                        "arn:aws:ec2:*:*:instance/*",
                        "arn:aws:ssm:*::document/AWS-StartPortForwardingSessionToRemoteHost"),
                Scope.actions("ssm:TerminateSession", "ssm:ResumeSession")));

        // THEN nothing else is allowed, whatever value the variable in the excluded statement has
        assertThat(answer.status()).isEqualTo(Status.NONE);
    }

    @Test
    void action_wildcard_reaches_real_actions() {
        PolicySet wide = PolicySet.of(PolicyParser.identity().parse("wide.json", """
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "ssm:Start*", "Resource": "*"}]}"""));

        Answer answer = PolicyAnalyzer.of(wide).findAllowedExcept(
                Scope.actions("ssm:*"), List.of(Scope.actions("ssm:StartSession")));

        assertThat(answer.status()).isEqualTo(Status.FOUND);
        assertThat(answer.counterexample().action()).startsWith("ssm:Start").isNotEqualTo("ssm:StartSession");
    }

    @Test
    void counterexample_resource_looks_like_the_action_resource() {
        PolicySet anyDocument = PolicySet.of(PolicyParser.identity().parse("documents.json", """
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "ssm:StartSession", "Resource": "arn:aws:ssm:*:*:document/*"}]}"""));

        Answer answer = PolicyAnalyzer.of(anyDocument).findAllowed(Scope.actions("ssm:StartSession"));

        assertThat(answer.status()).isEqualTo(Status.FOUND);
        assertThat(answer.counterexample().resource()).matches("arn:aws:ssm:us-east-1:111122223333:document/.+");
    }
}
