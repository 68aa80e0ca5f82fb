package dev.policyproof.assertions;

import dev.policyproof.assertions.internal.RequestSetup;
import dev.policyproof.engine.check.Expectations;
import dev.policyproof.engine.ssm.SessionDocument;
import java.util.List;
import java.util.Objects;

/**
 * Assertions on the {@code ssm:StartSession} calls that the policies allow, reached through
 * {@link PolicyAssert#allowsStartSession()}. Each check tries targets and session documents in the policy assertion's
 * scope with its principal and context, including sessions that name no document and so run the default shell.
 *
 * <pre>{@code
 * assertThatPolicy(tunnelOnly)
 *         .allowsStartSession()
 *         .onlyWithDocument(PORT_FORWARD_TO_REMOTE_HOST)
 *         .onlyForTag("Name", "app-bastion");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class StartSessionAssert {

    private final PolicyAssert policy;

    StartSessionAssert(PolicyAssert policy) {
        this.policy = policy;
    }

    /**
     * Verifies that every allowed session names one of {@code documents}. A session that names no document runs the
     * default shell, so it passes only when {@link PolicyAssertions#DEFAULT_SHELL} is listed, and a policy that grants
     * the default shell implicitly fails.
     *
     * <pre>{@code
     * // passes: the tunnel-only policy allows no other document and sets the document access check
     * assertThatPolicy(tunnelOnly).allowsStartSession().onlyWithDocument(PORT_FORWARD_TO_REMOTE_HOST);
     * // fails: a statement without ssm:SessionDocumentAccessCheck grants SSM-SessionManagerRunShell
     * assertThatPolicy(naive).allowsStartSession().onlyWithDocument(PORT_FORWARD_TO_REMOTE_HOST);
     * }</pre>
     *
     * @param documents the documents sessions may use
     * @return this assertion, for more session checks
     * @throws AssertionError if some session with another document is allowed, unless a soft assertion collects the
     *     failure
     * @throws IllegalArgumentException if no document is given
     * @throws NullPointerException if a document is null
     * @since 0.1.0
     */
    public StartSessionAssert onlyWithDocument(SessionDocument... documents) {
        RequestSetup setup = policy.setup();
        policy.check(Expectations.startSessionOnlyWithDocuments(setup.scope(), setup.caller(), List.of(documents)));
        return this;
    }

    /**
     * Verifies that every allowed session targets a node tagged {@code key=value}. Tag keys compare without case and
     * values with case, as in IAM.
     *
     * <pre>{@code
     * // passes: the bastion statement requires the Name tag
     * assertThatPolicy(tunnelOnly).allowsStartSession().onlyForTag("Name", "app-bastion");
     * // fails: a policy without a tag condition allows sessions on untagged instances
     * assertThatPolicy(anyInstance).allowsStartSession().onlyForTag("Name", "app-bastion");
     * }</pre>
     *
     * @param key the tag key, such as {@code Name}
     * @param value the tag value
     * @return this assertion, for more session checks
     * @throws AssertionError if a session on a node without the tag is allowed, unless a soft assertion collects the
     *     failure
     * @throws NullPointerException if {@code key} or {@code value} is null
     * @since 0.1.0
     */
    public StartSessionAssert onlyForTag(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        RequestSetup setup = policy.setup();
        policy.check(Expectations.startSessionOnlyForTag(setup.scope(), setup.caller(), key, value));
        return this;
    }

    /**
     * Returns the policy assertion this session assertion came from, to check requests of other kinds.
     *
     * <pre>{@code
     * assertThatPolicy(tunnelOnly)
     *         .allowsStartSession().onlyWithDocument(PORT_FORWARD_TO_REMOTE_HOST)
     *         .returnToPolicy()
     *         .denies("ssm:SendCommand").on("arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0");
     * }</pre>
     *
     * @return the policy assertion
     * @since 0.1.0
     */
    public PolicyAssert returnToPolicy() {
        return policy;
    }
}
