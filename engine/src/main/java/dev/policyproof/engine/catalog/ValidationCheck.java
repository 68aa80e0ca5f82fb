package dev.policyproof.engine.catalog;

/**
 * The checks {@link PolicyValidator} runs, each with the stable code its findings carry and their severity. The
 * nearest IAM Access Analyzer check is named where one exists.
 */
public enum ValidationCheck {
    /** An action names a service prefix that the catalogue lacks (Access Analyzer: invalid service). */
    UNKNOWN_SERVICE("unknown-service", Severity.ERROR),
    /** An action without wildcards names no action of its service (Access Analyzer: invalid action). */
    UNKNOWN_ACTION("unknown-action", Severity.ERROR),
    /** An action pattern with wildcards matches no action of the catalogue. */
    ACTION_PATTERN_MATCHES_NOTHING("action-pattern-matches-nothing", Severity.ERROR),
    /** An {@code aws:} key that is neither global nor listed by any service (Access Analyzer: invalid global key). */
    UNKNOWN_GLOBAL_CONDITION_KEY("unknown-global-condition-key", Severity.ERROR),
    /** A service key that the catalogue does not list (Access Analyzer: invalid service condition key). */
    UNKNOWN_CONDITION_KEY("unknown-condition-key", Severity.ERROR),
    /** A key that exists but applies to none of the statement's actions, so the condition never receives a value. */
    CONDITION_KEY_NOT_SUPPORTED("condition-key-not-supported", Severity.ERROR),
    /** A resource ARN that matches no resource type of any of the statement's actions. */
    RESOURCE_MATCHES_NO_RESOURCE_TYPE("resource-matches-no-resource-type", Severity.WARNING),
    /** Actions that support only {@code "Resource": "*"} in a statement that does not list {@code "*"}. */
    RESOURCE_NOT_WILDCARD("resource-not-wildcard", Severity.WARNING),
    /** {@code ForAllValues:} on a key that has one value (Access Analyzer: the same, as a security warning). */
    FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY("for-all-values-with-single-valued-key", Severity.SECURITY_WARNING),
    /** {@code ForAnyValue:} on a key that has one value. */
    FOR_ANY_VALUE_WITH_SINGLE_VALUED_KEY("for-any-value-with-single-valued-key", Severity.WARNING),
    /** {@code ForAllValues:} in an {@code Allow} without a {@code Null} check, so an absent key allows. */
    FOR_ALL_VALUES_WITHOUT_NULL_CHECK("for-all-values-without-null-check", Severity.SECURITY_WARNING),
    /** {@code Allow} with {@code NotAction}, which grants every action not listed, now and in future. */
    ALLOW_WITH_NOT_ACTION("allow-with-not-action", Severity.SECURITY_WARNING),
    /** {@code Allow} with {@code NotResource}, which grants every resource not listed. */
    ALLOW_WITH_NOT_RESOURCE("allow-with-not-resource", Severity.SECURITY_WARNING),
    /** {@code iam:PassRole} allowed on {@code "Resource": "*"} (Access Analyzer: pass role with star in resource). */
    PASS_ROLE_WITH_STAR_IN_RESOURCE("pass-role-with-star-in-resource", Severity.SECURITY_WARNING),
    /** An action value that another value of the same statement already covers (Access Analyzer: redundant action). */
    REDUNDANT_ACTION("redundant-action", Severity.SUGGESTION);

    private final String code;
    private final Severity severity;

    ValidationCheck(String code, Severity severity) {
        this.code = code;
        this.severity = severity;
    }

    /**
     * Returns the code findings carry, in lower case with hyphens like the parser's problem codes. The codes differ
     * from the parser's, so that {@code invalid-action} stays a syntax error and {@code unknown-action} a name the
     * catalogue lacks.
     */
    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }
}
