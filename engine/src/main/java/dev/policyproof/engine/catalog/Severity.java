package dev.policyproof.engine.catalog;

/** How serious a validation finding is, in the four levels IAM Access Analyzer's policy validation uses. */
public enum Severity {
    /** The policy does not do what it says, or IAM rejects it. */
    ERROR,
    /** The policy grants more access than it appears to. */
    SECURITY_WARNING,
    /** The policy works but has a likely mistake. */
    WARNING,
    /** The policy can be simplified. */
    SUGGESTION
}
