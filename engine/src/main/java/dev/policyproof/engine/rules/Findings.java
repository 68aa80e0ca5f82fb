package dev.policyproof.engine.rules;

import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.template.TemplateValue;
import java.util.ArrayList;
import java.util.List;

/** Collects the violations of one rule and counts the resources it examined. */
final class Findings {

    private final BastionRule rule;
    private final List<RuleViolation> violations = new ArrayList<>();
    private int examined;

    Findings(BastionRule rule) {
        this.rule = rule;
    }

    BastionRule rule() {
        return rule;
    }

    void examined(int count) {
        examined += count;
    }

    void violation(String logicalId, SourceLocation location, String message) {
        violations.add(new RuleViolation(rule, logicalId, location, message, false));
    }

    /** Records that {@code value}, which the rule needs, is unknown before deployment. */
    void undecided(String logicalId, TemplateValue.Unknown value, String what) {
        violations.add(new RuleViolation(rule, logicalId, value.location(), what + " is unknown (" + value.reason()
                + "); give the value in a parameters file", true));
    }

    void undecided(String logicalId, SourceLocation location, String message) {
        violations.add(new RuleViolation(rule, logicalId, location, message, true));
    }

    RuleResult result() {
        return new RuleResult(rule, Math.max(examined, 1), violations);
    }
}
