package dev.policyproof.assertions;

import dev.policyproof.engine.check.Expectations;
import dev.policyproof.engine.proof.Scope;

/** Takes the resources of a {@link PolicyAssert#neverAllows(String...)} check and runs it. */
public final class NeverAllowsAssert {

    private final PolicyAssert policy;
    private final Scope scope;

    NeverAllowsAssert(PolicyAssert policy, Scope scope) {
        this.policy = policy;
        this.scope = scope;
    }

    /**
     * Verifies that no request for the actions is allowed on {@code resources}, in any context.
     *
     * @param resources resource ARNs or patterns
     * @return the policy assertion, for more checks
     * @throws AssertionError if such a request is allowed or the result is unknown
     * @since 0.1.0
     */
    public PolicyAssert on(String... resources) {
        return policy.check(Expectations.neverAllows(scope.withResources(resources)));
    }

    /**
     * Verifies that no request for the actions is allowed on any resource, in any context.
     *
     * @return the policy assertion, for more checks
     * @throws AssertionError if such a request is allowed or the result is unknown
     * @since 0.1.0
     */
    public PolicyAssert anywhere() {
        return policy.check(Expectations.neverAllows(scope));
    }
}
