package dev.policyproof.engine.report;

import dev.policyproof.engine.check.Expectation;
import java.util.List;
import java.util.Optional;

/**
 * The rules a SARIF report declares: one per kind of expectation, with the id that {@link Expectation#ruleId()}
 * returns. Code scanning tools key alerts on these ids, so an id is never renamed or reused.
 */
final class SarifRules {

    /** A rule as SARIF's {@code reportingDescriptor} carries it. */
    record Rule(String id, String name, String description) {}

    static final List<Rule> KNOWN = List.of(
            new Rule("PP-ALLOWS", "AllowsRequest", "The policies allow a given request."),
            new Rule("PP-DENIES", "DeniesRequest", "The policies deny a given request."),
            new Rule("PP-SESSION-ALLOWED", "AllowsStartSession",
                    "The policies allow at least one Session Manager session."),
            new Rule("PP-SESSION-DOCUMENTS", "StartSessionOnlyWithDocuments",
                    "Every allowed Session Manager session names one of the listed documents."),
            new Rule("PP-SESSION-TAG", "StartSessionOnlyForTag",
                    "Every allowed Session Manager session targets a node with the given tag."),
            new Rule("PP-GRANTS-ONLY", "GrantsOnly",
                    "Every request the policies allow lies within the permitted actions and resources."),
            new Rule("PP-NEVER-ALLOWS", "NeverAllows", "No request in the given scope is allowed, in any context."),
            new Rule("PP-NO-NEW-ACCESS", "GrantsNoNewAccess",
                    "The policies allow nothing that the baseline policies do not."),
            new Rule("PP-NOT-PUBLIC", "IsNotPublic",
                    "The resource policy allows nothing to anonymous callers or to other accounts."),
            new Rule("PP-NO-SHELL", "DoesNotAllowShell",
                    "No Session Manager document, Run Command or other road gives a shell on the targets."),
            new Rule("PP-OWN-SESSIONS", "EndsOnlyOwnSessions",
                    "Callers can end and resume only their own Session Manager sessions."),
            new Rule(Expectation.DEFAULT_RULE_ID, "Check",
                    "An expectation that names no rule of its own, such as a remote check or one written in Java."));

    private SarifRules() {}

    /** Returns the known rule with {@code id}, or a generic rule for an id that a custom expectation chose. */
    static Rule of(String id) {
        Optional<Rule> known = KNOWN.stream().filter(rule -> rule.id().equals(id)).findFirst();
        return known.orElseGet(() -> new Rule(id, id, "An expectation of kind " + id + "."));
    }
}
