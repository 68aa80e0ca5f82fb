package dev.policyproof.engine.catalog;

/** Seriousness of a validation finding, in the four levels that IAM Access Analyzer's policy validation uses. */
public enum Severity {
    /** Part of the policy has no effect, or IAM rejects the policy. */
    ERROR,
    /** The policy grants more access than it appears to. */
    SECURITY_WARNING,
    /** The policy works but has a likely mistake. */
    WARNING,
    /** The policy can be simplified. */
    SUGGESTION
}
