package dev.policyproof.assertions;

import dev.policyproof.engine.Request;
import dev.policyproof.engine.check.Expectation;
import java.util.Objects;
import java.util.function.Function;

/**
 * A request check that still needs its resource: {@code allows("s3:GetObject")} or {@code denies(...)} followed by
 * {@link #on(String)}, which runs the check. Nothing is checked until {@code on} is called.
 *
 * @since 0.1.0
 */
public final class RequestAssert {

    private final PolicyAssert policy;
    private final String action;
    private final Function<Request, Expectation> expectation;

    RequestAssert(PolicyAssert policy, String action, Function<Request, Expectation> expectation) {
        this.policy = policy;
        this.action = Objects.requireNonNull(action, "action");
        this.expectation = expectation;
    }

    /**
     * Verifies that the policies decide the request for the action on {@code resource} as expected: allowed after
     * {@code allows}, denied after {@code denies}. The request carries the context, tags and principal set on the
     * policy assertion.
     *
     * <pre>{@code
     * // passes: statement DenyDeleteReports denies it
     * assertThatPolicy(reader).denies("s3:DeleteObject").on("arn:aws:s3:::reports/q1.csv");
     * // fails with "expected: allowed: s3:DeleteObject on arn:aws:s3:::reports/q1.csv"
     * assertThatPolicy(reader).allows("s3:DeleteObject").on("arn:aws:s3:::reports/q1.csv");
     * }</pre>
     *
     * @param resource the resource ARN
     * @return the policy assertion, for more checks
     * @throws AssertionError if the decision differs, unless a soft assertion collects the failure
     * @throws IllegalArgumentException if {@code resource} is blank
     * @throws NullPointerException if {@code resource} is null
     * @since 0.1.0
     */
    public PolicyAssert on(String resource) {
        return policy.check(expectation.apply(policy.setup().request(action, resource)));
    }
}
