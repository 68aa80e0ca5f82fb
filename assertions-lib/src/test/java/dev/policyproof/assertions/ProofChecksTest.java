package dev.policyproof.assertions;

import static dev.policyproof.assertions.PolicyAssertions.assertThatPolicies;
import static dev.policyproof.assertions.PolicyAssertions.assertThatPolicy;
import static dev.policyproof.assertions.PolicyAssertions.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProofChecksTest {

    private static final Path TUNNEL_ONLY = Path.of("src/test/resources/policies/tunnel-only-engineer.json");
    private static final Path NAIVE = Path.of("src/test/resources/policies/naive-engineer.json");

    private static Policy policy(String json) {
        return PolicyParser.identity().parse("runner.json", json);
    }

    @Test
    void never_allows_message_shows_counterexample() {
        // GIVEN a policy that allows Run Command on every instance
        Policy runner = policy("""
                {"Version": "2012-10-17", "Statement": [
                 {"Sid": "Run", "Effect": "Allow", "Action": "ssm:SendCommand",
                  "Resource": "arn:aws:ec2:us-east-1:111122223333:instance/*"}]}""");

        // WHEN
        Throwable error = catchThrowable(() -> assertThatPolicy(runner).neverAllows("ssm:SendCommand").anywhere());

        // THEN the message names the request the prover found and the statement
        assertThat(error.getMessage().replace(System.lineSeparator(), "\n")).isEqualTo("""
                [runner.json]
                expected:     never allows ssm:SendCommand on any resource
                but found:    an allowed request
                request:      ssm:SendCommand on arn:aws:ec2:us-east-1:111122223333:instance/a
                  principal:  arn:aws:iam::111122223333:user/policyproof-caller
                decision:     ALLOW
                allowed by:   statement 1 of 1, Sid "Run", line 2 of runner.json
                                "Action": "ssm:SendCommand", "Resource": "arn:aws:ec2:us-east-1:111122223333:instance/*"
                proof:        the prover checked every request in scope; this one re-evaluates to ALLOW""");
    }

    @Test
    void grants_only_passes_for_tunnel_policy() {
        assertThatCode(() -> assertThatPolicy(TUNNEL_ONLY).grantsOnly(
                        requests("ssm:StartSession").on(
                                "arn:aws:ec2:*:*:instance/*",
                                "arn:aws:ssm:*::document/AWS-StartPortForwardingSessionToRemoteHost"),
                        requests("ssm:TerminateSession", "ssm:ResumeSession").onAnyResource()))
                .doesNotThrowAnyException();
    }

    @Test
    void grants_only_fails_on_unknown_variable() {
        Throwable error = catchThrowable(() -> assertThatPolicy(TUNNEL_ONLY)
                .grantsOnly(requests("ssm:StartSession").onAnyResource()));

        assertThat(error).hasMessageContaining("no proof either way");
        assertThat(error).hasMessageContaining("${aws:userid}");
    }

    @Test
    void shell_roads_fail_for_naive_policy() {
        Throwable error = catchThrowable(() -> assertThatPolicy(NAIVE).doesNotAllowShellOn("arn:aws:ec2:*:*:instance/*"));

        assertThat(error).hasMessageContaining("names no document, so Session Manager starts the default shell");
    }

    @Test
    void own_sessions_pass_for_tunnel_policy() {
        assertThatCode(() -> assertThatPolicy(TUNNEL_ONLY).endsOnlyOwnSessions()).doesNotThrowAnyException();
    }

    @Test
    void widened_policy_grants_new_access() {
        Policy narrow = policy("""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}""");
        Policy wide = policy("""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::reports/*"}]}""");

        Throwable error = catchThrowable(() -> assertThatPolicy(wide).grantsNoNewAccessComparedTo(PolicySet.of(narrow)));

        assertThat(error).hasMessageContaining("grants no access beyond runner.json");
        assertThat(error).hasMessageContaining("request:      s3:Get");
    }

    @Test
    void open_bucket_is_public() {
        PolicySet bucket = PolicySet.builder()
                .resourcePolicy(PolicyParser.forKind(PolicyKind.RESOURCE).parse("bucket.json", """
                        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
                         "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}"""))
                .build();

        Throwable error = catchThrowable(() -> assertThatPolicies(bucket).isNotPublic());

        assertThat(error).hasMessageContaining("a request from outside account 111122223333 is allowed");
    }
}
