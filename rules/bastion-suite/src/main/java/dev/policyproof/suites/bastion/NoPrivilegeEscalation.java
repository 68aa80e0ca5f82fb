package dev.policyproof.suites.bastion;

import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.check.CheckResult;
import dev.policyproof.engine.check.Expectation;
import dev.policyproof.engine.check.Expectations;
import dev.policyproof.engine.proof.Scope;
import java.util.List;

/**
 * Expects the engineer policy to grant none of the IAM actions that let a caller give itself more access than the
 * tunnel: passing roles, creating credentials, and attaching or rewriting policies. The suite keeps
 * the list in code so that every project that runs the suite gets the same list when the suite's version changes.
 */
public final class NoPrivilegeEscalation implements Expectation {

    /**
     * Actions that turn a tunnel-only identity into a broader one, each on its own or with a role it can reach. NOTE:
     * {@code sts:AssumeRole} is not listed, because the role's trust policy must also allow it and the suite's
     * policy set contains only the engineer's identity policy, so the check could never see it allowed.
     */
    static final List<String> ESCALATION_ACTIONS = List.of(
            "iam:PassRole",
            "iam:CreateAccessKey",
            "iam:CreateLoginProfile",
            "iam:UpdateLoginProfile",
            "iam:AttachUserPolicy",
            "iam:AttachGroupPolicy",
            "iam:AttachRolePolicy",
            "iam:PutUserPolicy",
            "iam:PutGroupPolicy",
            "iam:PutRolePolicy",
            "iam:CreatePolicyVersion",
            "iam:SetDefaultPolicyVersion",
            "iam:UpdateAssumeRolePolicy",
            "iam:AddUserToGroup");

    private final Expectation neverAllows =
            Expectations.neverAllows(Scope.actions(ESCALATION_ACTIONS.toArray(String[]::new)));

    @Override
    public String description() {
        return "grants no IAM action that escalates privileges";
    }

    @Override
    public String ruleId() {
        return "PP-BASTION-ESCALATION";
    }

    @Override
    public CheckResult check(PolicySet policies, String title) {
        return neverAllows.check(policies, title);
    }
}
