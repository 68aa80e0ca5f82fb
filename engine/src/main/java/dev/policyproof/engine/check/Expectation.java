package dev.policyproof.engine.check;

import dev.policyproof.engine.PolicySet;

/**
 * A property that a set of policies should have, such as "allows ssm:StartSession only with the port forwarding
 * document". The assertion DSL and the Maven plugin's checks file both build expectations, so both run the same
 * checks and print the same failure messages.
 */
public interface Expectation {

    /** The rule id of expectations that do not name their own, such as those a project writes in Java. */
    String DEFAULT_RULE_ID = "PP-CHECK";

    /** Describes the expectation in one line, as test reports and the check summary show it. */
    String description();

    /**
     * Returns the stable id of the expectation's kind, such as {@code PP-ALLOWS}, which SARIF reports use as the rule
     * id. Code scanning tools group and track results by it, so an id never changes once published.
     */
    default String ruleId() {
        return DEFAULT_RULE_ID;
    }

    /**
     * Checks the expectation against {@code policies}. A violated expectation is a failed result, not an exception.
     *
     * @param title the first line of a failure message, usually the policy's name or the user's description
     */
    CheckResult check(PolicySet policies, String title);
}
