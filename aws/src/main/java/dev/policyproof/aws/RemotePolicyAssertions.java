package dev.policyproof.aws;

import java.nio.file.Path;
import java.util.Objects;
import org.assertj.core.annotation.CheckReturnValue;

/**
 * Entry point of the assertions that ask AWS: the IAM policy simulator and IAM Access Analyzer. Every check sends the
 * policy text to AWS with the credentials of {@code remote}; Access Analyzer's custom checks are charged per call.
 *
 * <pre>{@code
 * RemotePolicyAssertions aws = RemotePolicyAssertions.withRemoteChecks(remote);
 * aws.assertThatPolicy(Path.of("src/main/iam/engineer.json"))
 *         .hasNoValidationFindingsAtOrAbove(FindingSeverity.SECURITY_WARNING)
 *         .agreesWithSimulatorOn("ssm:SendCommand", "arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc");
 * }</pre>
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class RemotePolicyAssertions {

    private final RemoteChecks remote;

    private RemotePolicyAssertions(RemoteChecks remote) {
        this.remote = remote;
    }

    /**
     * Creates assertions that use {@code remote}, which the caller keeps and closes.
     *
     * @param remote the clients to call
     * @return the entry point for remote assertions
     * @since 0.1.0
     */
    public static RemotePolicyAssertions withRemoteChecks(RemoteChecks remote) {
        return new RemotePolicyAssertions(Objects.requireNonNull(remote, "remote"));
    }

    /**
     * Creates remote assertions on the identity policy in {@code file}, read and parsed when this method is called.
     *
     * @param file the policy JSON file
     * @return the assertion, whose messages are titled with the path unless it gets a description
     * @throws dev.policyproof.engine.PolicyParseException if the file is not a valid identity policy
     * @throws java.io.UncheckedIOException if the file cannot be read
     * @since 0.1.0
     */
    public RemotePolicyAssert assertThatPolicy(Path file) {
        return new RemotePolicyAssert(PolicySources.identityFiles(file), remote);
    }

    /**
     * Creates remote assertions on policies that apply together, with their texts.
     *
     * @param sources the policies and the text of each
     * @return the assertion, whose messages are titled with the set's name unless it gets a description
     * @since 0.1.0
     */
    public RemotePolicyAssert assertThatPolicies(PolicySources sources) {
        return new RemotePolicyAssert(Objects.requireNonNull(sources, "sources"), remote);
    }
}
