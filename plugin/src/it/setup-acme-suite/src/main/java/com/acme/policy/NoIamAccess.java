package com.acme.policy;

import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.check.CheckResult;
import dev.policyproof.engine.check.Expectation;
import dev.policyproof.engine.check.Expectations;
import dev.policyproof.engine.proof.Scope;

/** A Java check of the acme suite: people who reach the bastion get no IAM action at all. */
public class NoIamAccess implements Expectation {

    private final Expectation neverAllows = Expectations.neverAllows(Scope.actions("iam:*"));

    @Override
    public String description() {
        return "acme: no IAM action";
    }

    @Override
    public String ruleId() {
        return "ACME-IAM-001";
    }

    @Override
    public CheckResult check(PolicySet policies, String title) {
        return neverAllows.check(policies, title);
    }
}
