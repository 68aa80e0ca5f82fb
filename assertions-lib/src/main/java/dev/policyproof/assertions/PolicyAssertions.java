package dev.policyproof.assertions;

import dev.policyproof.assertions.internal.AssertionChain;
import dev.policyproof.assertions.internal.PolicyInputs;
import dev.policyproof.assertions.internal.RequestSetup;
import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.proof.Scope;
import dev.policyproof.engine.ssm.SessionDocument;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.annotation.CheckReturnValue;
import org.jspecify.annotations.Nullable;

/**
 * Entry point of the policy assertions. Each {@code assertThat*} call starts a chain of checks that throws an
 * {@link AssertionError} at the first failure. {@link SoftPolicyAssertions} collects failures instead.
 *
 * <pre>{@code
 * import static dev.policyproof.assertions.PolicyAssertions.*;
 *
 * assertThatPolicy(Path.of("iam/engineer.json"))
 *         .allowsStartSession()
 *         .onlyWithDocument(PORT_FORWARD_TO_REMOTE_HOST)
 *         .onlyForTag("Name", "app-bastion");
 * }</pre>
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class PolicyAssertions {

    /** {@code AWS-StartPortForwardingSession}: a tunnel to any port on the target, sshd included. */
    public static final SessionDocument PORT_FORWARD = SessionDocument.PORT_FORWARD;

    /** {@code AWS-StartPortForwardingSessionToRemoteHost}: a tunnel to any host and port the target can reach. */
    public static final SessionDocument PORT_FORWARD_TO_REMOTE_HOST = SessionDocument.PORT_FORWARD_TO_REMOTE_HOST;

    /** {@code AWS-StartSSHSession}: an SSH tunnel, which with a key gives an unlogged shell and file copy. */
    public static final SessionDocument SSH = SessionDocument.SSH;

    /** {@code AWS-StartInteractiveCommand}: an interactive command of the caller's choice, such as {@code bash -l}. */
    public static final SessionDocument INTERACTIVE_COMMAND = SessionDocument.INTERACTIVE_COMMAND;

    /** {@code AWS-StartNonInteractiveCommand}: a command of the caller's choice without a terminal. */
    public static final SessionDocument NON_INTERACTIVE_COMMAND = SessionDocument.NON_INTERACTIVE_COMMAND;

    /** {@code AWS-PasswordReset}: a reset of an operating system user's password on the target. */
    public static final SessionDocument PASSWORD_RESET = SessionDocument.PASSWORD_RESET;

    /** {@code SSM-SessionManagerRunShell}: the shell that a session naming no document runs. */
    public static final SessionDocument DEFAULT_SHELL = SessionDocument.DEFAULT_SHELL;

    private PolicyAssertions() {}

    /**
     * Creates assertions on one identity policy. A null policy fails the first check with its own message.
     *
     * <pre>{@code
     * assertThatPolicy(PolicyParser.identity().parse(file)).denies("iam:PassRole").on("*");
     * }</pre>
     *
     * @param policy the policy under test
     * @return the assertion, whose messages are titled with the policy's name unless it gets a description
     * @since 0.1.0
     */
    public static PolicyAssert assertThatPolicy(@Nullable Policy policy) {
        return start(PolicyInputs.setOf(policy));
    }

    /**
     * Creates assertions on the identity policy in {@code file}, parsed when this method is called. A null path fails
     * the first check with its own message.
     *
     * <pre>{@code
     * assertThatPolicy(Path.of("iam/engineer.json")).allowsStartSession().onlyWithDocument(PORT_FORWARD);
     * }</pre>
     *
     * @param file the policy JSON file
     * @return the assertion, whose messages are titled with the path unless it gets a description
     * @throws dev.policyproof.engine.PolicyParseException if the file is not a valid identity policy
     * @throws java.io.UncheckedIOException if the file cannot be read
     * @since 0.1.0
     */
    public static PolicyAssert assertThatPolicy(@Nullable Path file) {
        return start(PolicyInputs.parse(file));
    }

    /**
     * Creates assertions on policies that apply together, such as all identity policies of one role. A null set
     * fails the first check with its own message.
     *
     * <pre>{@code
     * assertThatPolicies(PolicySet.named("role/engineer", List.of(base, tunnel))).denies("ssm:SendCommand").on("*");
     * }</pre>
     *
     * @param policies the policies under test
     * @return the assertion, whose messages are titled with the set's name unless it gets a description
     * @since 0.1.0
     */
    public static PolicyAssert assertThatPolicies(@Nullable PolicySet policies) {
        return start(policies);
    }

    private static PolicyAssert start(@Nullable PolicySet policies) {
        return new PolicyAssert(policies, RequestSetup.DEFAULT, AssertionChain.throwing());
    }

    /**
     * Starts a description of requests for {@link PolicyAssert#grantsOnly(Scope...)}: {@code requests("s3:Get*")
     * .on("arn:aws:s3:::reports/*")} or {@code .onAnyResource()}.
     *
     * @param actions action patterns
     * @return the requests for those actions, to be narrowed to resources
     * @since 0.1.0
     */
    public static Requests requests(String... actions) {
        return new Requests(List.of(actions));
    }

    /** Requests for some actions, waiting for their resources. */
    public record Requests(List<String> actions) {

        /** Returns the requests for the actions on {@code resources}. */
        public Scope on(String... resources) {
            return Scope.all().withActions(actions).withResources(resources);
        }

        /** Returns the requests for the actions on any resource. */
        public Scope onAnyResource() {
            return Scope.all().withActions(actions);
        }
    }
}
