package dev.policyproof.engine.check;

import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.proof.Scope;
import dev.policyproof.engine.ssm.SessionCaller;
import dev.policyproof.engine.ssm.SessionDocument;
import dev.policyproof.engine.ssm.SessionScope;
import java.util.List;

/** Creates the {@link Expectation}s that the assertion DSL and the checks file offer. */
public final class Expectations {

    private Expectations() {}

    /** Expects {@code request} to be allowed. */
    public static Expectation allows(Request request) {
        return new RequestExpectation(request, true);
    }

    /** Expects {@code request} to be denied, explicitly or because nothing allows it. */
    public static Expectation denies(Request request) {
        return new RequestExpectation(request, false);
    }

    /** Expects at least one {@code ssm:StartSession} call to be allowed. */
    public static Expectation allowsStartSession(SessionScope scope) {
        return allowsStartSession(scope, SessionCaller.UNSPECIFIED);
    }

    /** Expects at least one {@code ssm:StartSession} call by {@code caller} to be allowed. */
    public static Expectation allowsStartSession(SessionScope scope, SessionCaller caller) {
        return new SessionExpectation.Allowed(scope, caller);
    }

    /**
     * Expects every allowed {@code ssm:StartSession} call to name one of {@code documents}. A call that names no
     * document runs the default shell, so it passes only if {@link SessionDocument#DEFAULT_SHELL} is listed.
     */
    public static Expectation startSessionOnlyWithDocuments(SessionScope scope, List<SessionDocument> documents) {
        return startSessionOnlyWithDocuments(scope, SessionCaller.UNSPECIFIED, documents);
    }

    /** Expects every allowed {@code ssm:StartSession} call by {@code caller} to name one of {@code documents}. */
    public static Expectation startSessionOnlyWithDocuments(
            SessionScope scope, SessionCaller caller, List<SessionDocument> documents) {
        return new SessionExpectation.OnlyWithDocuments(scope, caller, documents);
    }

    /** Expects every allowed {@code ssm:StartSession} call to target a node tagged {@code key=value}. */
    public static Expectation startSessionOnlyForTag(SessionScope scope, String key, String value) {
        return startSessionOnlyForTag(scope, SessionCaller.UNSPECIFIED, key, value);
    }

    /** Expects every allowed {@code ssm:StartSession} call by {@code caller} to target a node tagged {@code key=value}. */
    public static Expectation startSessionOnlyForTag(SessionScope scope, SessionCaller caller, String key, String value) {
        return new SessionExpectation.OnlyForTag(scope, caller, key, value);
    }

    /**
     * Expects every allowed request to lie within one of {@code permitted}, over every action of the catalogue, every
     * resource and every context: proven, not sampled.
     */
    public static Expectation grantsOnly(List<Scope> permitted) {
        return new ProofExpectation(
                "PP-GRANTS-ONLY",
                "grants only " + ProofExpectation.describe(permitted),
                "a request outside them is allowed",
                (analyzer, policies) -> analyzer.findAllowedExcept(Scope.all(), permitted));
    }

    /** Expects no request in {@code scope} to be allowed, in any context: the local CheckAccessNotGranted. */
    public static Expectation neverAllows(Scope scope) {
        return new ProofExpectation(
                "PP-NEVER-ALLOWS",
                "never allows " + scope,
                "an allowed request",
                (analyzer, policies) -> analyzer.findAllowed(scope));
    }

    /** Expects the policies to allow nothing that {@code baseline} does not: the local CheckNoNewAccess. */
    public static Expectation grantsNoNewAccessComparedTo(PolicySet baseline) {
        return new ProofExpectation(
                "PP-NO-NEW-ACCESS",
                "grants no access beyond " + baseline.name(),
                "a request that " + baseline.name() + " does not allow",
                (analyzer, policies) -> analyzer.findNewAccess(baseline, Scope.all()));
    }

    /**
     * Expects the resource policy to allow nothing to anonymous callers or to principals of other accounts: the
     * local CheckNoPublicAccess. The resource belongs to {@code resourceAccount}.
     */
    public static Expectation isNotPublic(String resourceAccount) {
        return new ProofExpectation(
                "PP-NOT-PUBLIC",
                "is not public",
                "a request from outside account " + resourceAccount + " is allowed",
                (analyzer, policies) -> analyzer.findPublicAccess(Scope.all().withAccount(resourceAccount)));
    }

    /**
     * Expects no road to a shell on the targets {@code target} matches: sessions with documents other than port
     * forwarding, Run Command, EC2 Instance Connect key pushes, Automation, caller-made documents, user data and tag
     * moves.
     */
    public static Expectation doesNotAllowShellOn(SessionScope scope, String target) {
        return new ShellRoadsExpectation(scope, target);
    }

    /** Expects callers to end and resume only their own Session Manager sessions. */
    public static Expectation endsOnlyOwnSessions(SessionScope scope) {
        return new SessionOwnershipExpectation(scope);
    }
}
