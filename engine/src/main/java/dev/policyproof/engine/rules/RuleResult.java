package dev.policyproof.engine.rules;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one rule over one template.
 *
 * @param resourcesExamined how many resources the rule looked at, at least one when it passed
 * @param violations empty when the rule passed
 */
public record RuleResult(BastionRule rule, int resourcesExamined, List<RuleViolation> violations) {

    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        violations = List.copyOf(violations);
    }

    public boolean passed() {
        return violations.isEmpty();
    }
}
