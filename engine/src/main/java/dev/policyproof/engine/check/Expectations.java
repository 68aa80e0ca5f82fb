package dev.policyproof.engine.check;

import dev.policyproof.engine.Request;
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
}
