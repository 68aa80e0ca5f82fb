package dev.policyproof.assertions;

import dev.policyproof.assertions.internal.AssertionChain;
import dev.policyproof.assertions.internal.PolicyInputs;
import dev.policyproof.assertions.internal.RequestSetup;
import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.check.FailureCollector;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.internal.Failures;
import org.jspecify.annotations.Nullable;

/**
 * Policy assertions that collect failures instead of throwing, then report them together, numbered "failure i of N"
 * in the order they occurred. Each {@code assertThat*} call starts its own chain, and a chain stops checking after its
 * first failure. Instances are safe to share between threads.
 *
 * <p>NOTE: only the policy checks collect. Methods inherited from AssertJ's {@code AbstractAssert}, such as
 * {@code isNotNull()}, still throw at once.
 *
 * <pre>{@code
 * SoftPolicyAssertions.assertSoftly(softly -> {
 *     softly.assertThatPolicy(engineer).allowsStartSession().onlyWithDocument(PORT_FORWARD_TO_REMOTE_HOST);
 *     softly.assertThatPolicy(engineer).denies("ssm:SendCommand").on("*");
 * });
 * }</pre>
 *
 * @since 0.1.0
 */
public class SoftPolicyAssertions implements AutoCloseable {

    private final FailureCollector failures = new FailureCollector();

    /**
     * Runs {@code softAssertions} with a new instance, then verifies that none of its checks failed.
     *
     * <pre>{@code
     * // passes
     * assertSoftly(softly -> softly.assertThatPolicy(tunnelOnly).allowsStartSession());
     * // fails with "2 checks failed", then "failure 1 of 2" and "failure 2 of 2"
     * assertSoftly(softly -> {
     *     softly.assertThatPolicy(naive).allowsStartSession().onlyWithDocument(PORT_FORWARD_TO_REMOTE_HOST);
     *     softly.assertThatPolicy(naive).denies("ssm:StartSession").on("arn:aws:ec2:*:*:instance/*");
     * });
     * }</pre>
     *
     * @param softAssertions the checks to run
     * @throws AssertionError listing every failure, if any check failed
     * @since 0.1.0
     */
    public static void assertSoftly(Consumer<SoftPolicyAssertions> softAssertions) {
        try (SoftPolicyAssertions softly = new SoftPolicyAssertions()) {
            softAssertions.accept(softly);
        }
    }

    /**
     * Creates collecting assertions on one identity policy, as {@link PolicyAssertions#assertThatPolicy(Policy)}.
     *
     * @param policy the policy under test
     * @return the assertion
     * @since 0.1.0
     */
    @CheckReturnValue
    public PolicyAssert assertThatPolicy(@Nullable Policy policy) {
        return start(PolicyInputs.setOf(policy));
    }

    /**
     * Creates collecting assertions on the identity policy in {@code file}, as
     * {@link PolicyAssertions#assertThatPolicy(Path)}. An unreadable or invalid file throws at once.
     *
     * @param file the policy JSON file
     * @return the assertion
     * @throws dev.policyproof.engine.PolicyParseException if the file is not a valid identity policy
     * @throws java.io.UncheckedIOException if the file cannot be read
     * @since 0.1.0
     */
    @CheckReturnValue
    public PolicyAssert assertThatPolicy(@Nullable Path file) {
        return start(PolicyInputs.parse(file));
    }

    /**
     * Creates collecting assertions on policies that apply together, as
     * {@link PolicyAssertions#assertThatPolicies(PolicySet)}.
     *
     * @param policies the policies under test
     * @return the assertion
     * @since 0.1.0
     */
    @CheckReturnValue
    public PolicyAssert assertThatPolicies(@Nullable PolicySet policies) {
        return start(policies);
    }

    /**
     * Returns the messages of the failures collected so far, oldest first.
     *
     * @return the failure messages, empty when every check passed
     * @since 0.1.0
     */
    public List<String> failureMessages() {
        return failures.messages();
    }

    /**
     * Verifies that no collected check failed. The collected failures stay, so a second call fails again.
     *
     * <pre>{@code
     * SoftPolicyAssertions softly = new SoftPolicyAssertions();
     * softly.assertThatPolicy(naive).allowsStartSession().onlyWithDocument(PORT_FORWARD_TO_REMOTE_HOST);
     * softly.assertAll(); // fails with "1 check failed", then "failure 1 of 1" and the message
     * }</pre>
     *
     * @throws AssertionError listing every failure under "failure i of N", if any check failed
     * @since 0.1.0
     */
    public void assertAll() {
        if (!failures.isEmpty()) {
            throw Failures.instance().failure(failures.render());
        }
    }

    /**
     * Verifies that no collected check failed, as {@link #assertAll()}, so that try-with-resources reports failures.
     *
     * @throws AssertionError listing every failure, if any check failed
     * @since 0.1.0
     */
    @Override
    public void close() {
        assertAll();
    }

    private PolicyAssert start(@Nullable PolicySet policies) {
        return new PolicyAssert(policies, RequestSetup.DEFAULT, AssertionChain.collectingInto(failures));
    }
}
