package dev.policyproof.engine.rules;

import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.check.CheckResult;
import dev.policyproof.engine.check.Expectation;
import dev.policyproof.engine.check.FailureMessage;
import dev.policyproof.engine.template.Template;
import java.util.List;

/**
 * One bastion rule as an {@link Expectation}, so the checks file, the runner and the reports treat it like any other
 * check. It reads its template, not the policies it is given. Its description starts with the rule id.
 */
final class BastionRuleExpectation implements Expectation {

    /** Violations printed in full before the message ends with "and N more". */
    private static final int SHOWN_VIOLATIONS = 5;

    private final Template template;
    private final BastionSelector selector;
    private final BastionRule rule;

    BastionRuleExpectation(Template template, BastionSelector selector, BastionRule rule) {
        this.template = template;
        this.selector = selector;
        this.rule = rule;
    }

    @Override
    public String description() {
        return rule.id() + " " + rule.title();
    }

    @Override
    public CheckResult check(PolicySet policies, String title) {
        RuleResult result = BastionRules.check(template, selector, List.of(rule)).get(0);
        if (result.passed()) {
            return new CheckResult(description(), true, result.resourcesExamined(), null);
        }
        return new CheckResult(description(), false, result.resourcesExamined(), message(title, result));
    }

    private String message(String title, RuleResult result) {
        List<RuleViolation> violations = result.violations();
        int count = violations.size();
        FailureMessage message = FailureMessage.titled(title)
                .fact("rule", rule.id() + " (" + rule.severity() + ")")
                .fact("expected", rule.title())
                .fact("but found", count == 1 ? "1 violation in " + template.name()
                        : count + " violations in " + template.name());
        for (RuleViolation violation : violations.subList(0, Math.min(count, SHOWN_VIOLATIONS))) {
            message.more(violation.toString());
        }
        if (count > SHOWN_VIOLATIONS) {
            message.more("and " + (count - SHOWN_VIOLATIONS) + " more");
        }
        return message.fact("fix", rule.fix()).render();
    }
}
