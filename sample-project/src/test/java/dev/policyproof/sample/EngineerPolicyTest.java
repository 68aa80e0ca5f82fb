package dev.policyproof.sample;

import static dev.policyproof.assertions.PolicyAssertions.PORT_FORWARD_TO_REMOTE_HOST;
import static dev.policyproof.assertions.PolicyAssertions.assertThatPolicies;
import static dev.policyproof.assertions.PolicyAssertions.assertThatPolicy;
import static dev.policyproof.assertions.PolicyAssertions.requests;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policyproof.assertions.SoftPolicyAssertions;
import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engineer policy grants a tunnel through the bastion and no other way onto it. */
class EngineerPolicyTest {

    private static final Path ENGINEER = Path.of("src/main/iam/engineer-tunnel.json");
    private static final Path NAIVE = Path.of("src/test/resources/iam/naive-engineer.json");
    private static final Path POWER_USER = Path.of("src/test/resources/iam/power-user.json");
    private static final PolicyParser PARSER = PolicyParser.identity();

    private static final String BASTION = "arn:aws:ec2:eu-west-1:111122223333:instance/i-0123456789abcdef0";
    private static final String OTHER_INSTANCE = "arn:aws:ec2:eu-west-1:111122223333:instance/i-0fedcba9876543210";
    private static final String DEFAULT_SHELL =
            "arn:aws:ssm:eu-west-1:111122223333:document/SSM-SessionManagerRunShell";
    private static final String ALICE = "AIDAEXAMPLEALICE";
    private static final String BOB = "AIDAEXAMPLEBOB";

    @Test
    void engineer_gets_only_a_tunnel_to_the_bastion() {
        assertThatPolicy(ENGINEER)
                .as("engineer policy")
                .inRegion("eu-west-1")
                .allowsStartSession()
                .onlyWithDocument(PORT_FORWARD_TO_REMOTE_HOST)
                .onlyForTag("Name", "app-bastion");
    }

    /**
     * Checks the deny guards beside a power-user grant, which often sits next to the engineer policy. Without the
     * guards, every request below would be allowed.
     */
    @Test
    void deny_guards_hold_beside_a_broad_grant() {
        PolicySet withPowerUser = PolicySet.of(PARSER.parse(ENGINEER), PARSER.parse(POWER_USER));

        SoftPolicyAssertions.assertSoftly(softly -> softly.assertThatPolicies(withPowerUser)
                .withResourceTag("Name", "app-bastion")
                .denies("ssm:SendCommand").on(BASTION)
                .denies("ec2-instance-connect:SendSSHPublicKey").on(BASTION)
                .denies("ec2-instance-connect:SendSerialConsoleSSHPublicKey").on(BASTION)
                .denies("ssm:UpdateDocument").on(DEFAULT_SHELL)
                .denies("ssm:UpdateDocumentDefaultVersion").on(DEFAULT_SHELL)
                .denies("ssm:DeleteDocument").on(DEFAULT_SHELL));
    }

    @Test
    void power_user_alone_allows_what_the_guards_deny() {
        assertThatPolicy(POWER_USER)
                .withResourceTag("Name", "app-bastion")
                .allows("ssm:SendCommand").on(BASTION)
                .allows("ssm:UpdateDocument").on(DEFAULT_SHELL);
    }

    @Test
    void bastion_tag_stays_put_beside_broad_grant() {
        PolicySet withPowerUser = PolicySet.of(PARSER.parse(ENGINEER), PARSER.parse(POWER_USER));

        assertThatPolicies(withPowerUser)
                .withContextValues("aws:TagKeys", List.of("Name"))
                .denies("ec2:CreateTags").on(OTHER_INSTANCE)
                .denies("ec2:DeleteTags").on(BASTION);
        assertThatPolicies(withPowerUser)
                .withContextValues("aws:TagKeys", List.of("team"))
                .allows("ec2:CreateTags").on(OTHER_INSTANCE);
    }

    @Test
    void engineer_ends_and_resumes_only_own_sessions() {
        String aliceSession = "arn:aws:ssm:eu-west-1:111122223333:session/alice-0a1b2c3d4e5f67890";
        assertThatPolicy(ENGINEER)
                .withContext("aws:userid", ALICE)
                .withResourceTag("aws:ssmmessages:session-id", ALICE)
                .allows("ssm:TerminateSession").on(aliceSession)
                .allows("ssm:ResumeSession").on(aliceSession);
        assertThatPolicy(ENGINEER)
                .withContext("aws:userid", ALICE)
                .withResourceTag("aws:ssmmessages:session-id", BOB)
                .denies("ssm:TerminateSession").on("arn:aws:ssm:eu-west-1:111122223333:session/bob-0a1b2c3d4e5f67890")
                .denies("ssm:ResumeSession").on("arn:aws:ssm:eu-west-1:111122223333:session/bob-0a1b2c3d4e5f67890");
    }

    @Test
    void engineer_policy_grants_nothing_else() {
        // The proof covers every action of the catalogue, every resource and every context.
        assertThatPolicy(ENGINEER).grantsOnly(
                requests("ssm:StartSession").on(
                        "arn:aws:ec2:*:*:instance/*",
                        "arn:aws:ssm:*::document/AWS-StartPortForwardingSessionToRemoteHost"),
                requests("ssm:TerminateSession", "ssm:ResumeSession").on("arn:aws:ssm:*:*:session/*"),
                requests("ssmmessages:OpenDataChannel").onAnyResource(),
                requests("ssm:DescribeSessions", "ssm:GetConnectionStatus", "ssm:DescribeInstanceProperties",
                                "ec2:DescribeInstances")
                        .onAnyResource());
    }

    @Test
    void engineer_has_no_road_to_a_shell() {
        assertThatPolicy(ENGINEER)
                .doesNotAllowShellOn("arn:aws:ec2:*:*:instance/*")
                .endsOnlyOwnSessions()
                .neverAllows("ssm:SendCommand", "ssm:StartAutomationExecution")
                .anywhere();
    }

    @Test
    void naive_policy_opens_a_shell_road() {
        assertThatThrownBy(() -> assertThatPolicy(NAIVE).doesNotAllowShellOn("arn:aws:ec2:*:*:instance/*"))
                .hasMessageContaining("expected:     no shell on arn:aws:ec2:*:*:instance/* through Session Manager")
                .hasMessageContaining("SSM-SessionManagerRunShell");
    }

    @Test
    void naive_policy_leaks_the_default_shell() {
        // GIVEN the policy a team writes first: instance by tag plus the port-forwarding document
        // WHEN the tunnel-only property is checked
        // THEN the session that names no document is the counterexample
        assertThatThrownBy(() -> assertThatPolicy(NAIVE)
                        .allowsStartSession()
                        .onlyWithDocument(PORT_FORWARD_TO_REMOTE_HOST))
                .hasMessageContaining("document:   none named, so Session Manager runs the default shell")
                .hasMessageContaining("SSM-SessionManagerRunShell")
                .hasMessageContaining("allowed by:   statement 1 of 2, Sid \"StartSessionOnBastion\", line 4")
                .hasMessageContaining("ssm:SessionDocumentAccessCheck");
    }
}
