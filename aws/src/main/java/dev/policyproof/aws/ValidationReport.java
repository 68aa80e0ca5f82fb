package dev.policyproof.aws;

import java.util.List;
import java.util.Objects;

/**
 * All findings of Access Analyzer's {@code ValidatePolicy} for one policy, over every page.
 *
 * @param policyName the policy's name, usually its file
 * @param policyType the policy type sent, such as {@code IDENTITY_POLICY}
 * @param findings the findings in the service's order
 * @since 0.1.0
 */
public record ValidationReport(String policyName, String policyType, List<ValidationFinding> findings) {

    public ValidationReport {
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(policyType, "policyType");
        findings = List.copyOf(findings);
    }

    /** Returns the findings of {@code threshold} or more severe. */
    public List<ValidationFinding> findingsAtOrAbove(FindingSeverity threshold) {
        return findings.stream().filter(finding -> finding.severity().isAtOrAbove(threshold)).toList();
    }
}
