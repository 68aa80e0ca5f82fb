package dev.policyproof.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.proof.Scope;
import dev.policyproof.engine.ssm.SessionScope;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProofExpectationsTest {

    private static final String BASTION = "arn:aws:ec2:*:*:instance/*";

    private static PolicySet identity(String file) {
        return PolicySet.of(PolicyParser.identity().parse(Path.of("src/test/resources/policies", file)));
    }

    private static PolicySet identityJson(String json) {
        return PolicySet.of(PolicyParser.identity().parse("policy.json", json));
    }

    @Test
    void grants_only_passes_for_tunnel_policy() {
        CheckResult result = Expectations.grantsOnly(List.of(
                        Scope.actions("ssm:StartSession").withResources(
                                BASTION, "arn:aws:ssm:*::document/AWS-StartPortForwardingSessionToRemoteHost"),
                        Scope.actions("ssm:TerminateSession", "ssm:ResumeSession")))
                .check(identity("tunnel-only-engineer.json"), "tunnel");

        assertThat(result.passed()).isTrue();
    }

    @Test
    void grants_only_fails_with_counterexample_and_statement() {
        CheckResult result = Expectations.grantsOnly(List.of(Scope.actions("ssm:StartSession")))
                .check(identity("tunnel-only-engineer.json"), "tunnel");

        assertThat(result.passed()).isFalse();
        assertThat(result.failureMessage()).contains("expected:     grants only ssm:StartSession on any resource");
        assertThat(result.failureMessage()).contains("but found:    no proof either way");
        assertThat(result.failureMessage()).contains("${aws:userid}");
    }

    @Test
    void never_allows_fails_on_broad_grant() {
        PolicySet powerUser = identityJson("""
                {"Version": "2012-10-17", "Statement": [
                 {"Sid": "Everything", "Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]}""");

        CheckResult result = Expectations.neverAllows(Scope.actions("ssm:SendCommand")).check(powerUser, "power");

        assertThat(result.passed()).isFalse();
        assertThat(result.failureMessage()).contains("request:      ssm:SendCommand on arn:aws:");
        assertThat(result.failureMessage()).contains("allowed by:   statement 1 of 1, Sid \"Everything\"");
    }

    @Test
    void shell_roads_close_for_tunnel_policy_but_not_naive_one() {
        Expectation noShell = Expectations.doesNotAllowShellOn(SessionScope.DEFAULT, BASTION);

        CheckResult tunnel = noShell.check(identity("tunnel-only-engineer.json"), "tunnel");
        CheckResult naive = noShell.check(identity("naive-engineer.json"), "naive");

        assertThat(tunnel.passed()).as(tunnel.failure().orElse("")).isTrue();
        assertThat(naive.passed()).isFalse();
        assertThat(naive.failureMessage()).contains("names no document, so Session Manager starts the default shell");
    }

    @Test
    void shell_road_through_run_command_is_found() {
        PolicySet runCommand = identityJson("""
                {"Version": "2012-10-17", "Statement": [
                 {"Sid": "RunAnything", "Effect": "Allow", "Action": "ssm:SendCommand", "Resource": "*"}]}""");

        CheckResult result = Expectations.doesNotAllowShellOn(SessionScope.DEFAULT, BASTION).check(runCommand, "rc");

        assertThat(result.passed()).isFalse();
        assertThat(result.failureMessage()).contains("through Run Command");
        assertThat(result.failureMessage()).contains("Sid \"RunAnything\"");
    }

    @Test
    void own_sessions_by_tag_pass_and_by_name_prefix_fail() {
        PolicySet byName = identityJson("""
                {"Version": "2012-10-17", "Statement": [
                 {"Sid": "OwnByName", "Effect": "Allow", "Action": "ssm:TerminateSession",
                  "Resource": "arn:aws:ssm:*:*:session/${aws:username}-*"}]}""");
        Expectation ownOnly = Expectations.endsOnlyOwnSessions(SessionScope.DEFAULT);

        CheckResult byTag = ownOnly.check(identity("tunnel-only-engineer.json"), "tunnel");
        CheckResult prefix = ownOnly.check(byName, "by name");

        assertThat(byTag.passed()).as(byTag.failure().orElse("")).isTrue();
        assertThat(prefix.passed()).isFalse();
        assertThat(prefix.failureMessage()).contains("whose ID starts with the caller's name");
        assertThat(prefix.failureMessage()).contains("session/alice-smith-");
    }

    @Test
    void new_access_and_public_access() {
        PolicySet narrow = identityJson("""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}""");
        PolicySet wide = identityJson("""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::reports/*"}]}""");
        PolicySet publicBucket = PolicySet.builder()
                .resourcePolicy(PolicyParser.forKind(PolicyKind.RESOURCE).parse("bucket.json", """
                        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"},
                         "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}"""))
                .build();

        assertThat(Expectations.grantsNoNewAccessComparedTo(narrow).check(wide, "wide").passed()).isFalse();
        assertThat(Expectations.grantsNoNewAccessComparedTo(wide).check(narrow, "narrow").passed()).isTrue();
        assertThat(Expectations.isNotPublic("111122223333").check(publicBucket, "bucket").passed()).isFalse();
    }
}
