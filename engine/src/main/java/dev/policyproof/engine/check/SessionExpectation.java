package dev.policyproof.engine.check;

import dev.policyproof.engine.Decision;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.proof.Answer;
import dev.policyproof.engine.proof.SessionAnalyzer;
import dev.policyproof.engine.proof.SessionAnalyzer.SessionAnswer;
import dev.policyproof.engine.proof.Unknown;
import dev.policyproof.engine.ssm.SessionAuthorizer;
import dev.policyproof.engine.ssm.SessionCaller;
import dev.policyproof.engine.ssm.SessionDocument;
import dev.policyproof.engine.ssm.SessionScope;
import dev.policyproof.engine.ssm.SessionSpace;
import dev.policyproof.engine.ssm.SessionTarget;
import dev.policyproof.engine.ssm.StartSessionRequest;
import dev.policyproof.engine.ssm.StartSessionResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Expectations over every {@code StartSession} call in a {@link SessionSpace}: that some session is allowed, that
 * sessions are allowed only with given documents, or only on targets with a given tag. Each call is authorized with
 * {@link SessionAuthorizer}, so the default shell of a session that names no document is part of every check.
 */
abstract class SessionExpectation implements Expectation {

    final SessionScope scope;
    final SessionCaller caller;

    SessionExpectation(SessionScope scope, SessionCaller caller) {
        this.scope = scope;
        this.caller = caller;
    }

    /** Authorizes every call in the space that {@code inScope} selects, stopping at the first that breaks the rule. */
    final Search search(PolicySet policies, Map<String, String> expectedTags, Predicate<StartSessionRequest> inScope,
            boolean stopAtAllowed) {
        SessionAuthorizer authorizer = new SessionAuthorizer(policies);
        SessionSpace space = SessionSpace.of(policies, scope);
        Search search = new Search();
        for (SessionTarget target : space.targets(expectedTags)) {
            for (Optional<String> document : space.documents(target)) {
                StartSessionRequest request =
                        new StartSessionRequest(target, document.orElse(null), caller.principal(), caller.context());
                if (!inScope.test(request)) {
                    continue;
                }
                StartSessionResult result = authorizer.authorize(request);
                search.evaluated++;
                if (result.isAllowed() && stopAtAllowed) {
                    search.found = result;
                    return search;
                }
                search.remember(result);
            }
        }
        return search;
    }

    /** Counts the calls tried and keeps the first allowed one, or the first denied one as an example. */
    static final class Search {
        int evaluated;
        StartSessionResult found;
        StartSessionResult firstDenied;
        boolean proven;
        List<Unknown> unknowns = List.of();

        void remember(StartSessionResult result) {
            if (!result.isAllowed() && firstDenied == null) {
                firstDenied = result;
            }
        }
    }

    /**
     * Decides the check with the prover over every target, document and context for this caller. An unknown result
     * falls back to the representative calls. A call found there is a real counterexample, and if none is found the
     * unknowns remain, so the check fails rather than passes on an unproven result.
     */
    final Search decide(PolicySet policies, Function<SessionAnalyzer, SessionAnswer> question,
            Map<String, String> expectedTags, Predicate<StartSessionRequest> inScope) {
        SessionAnswer answer = question.apply(
                SessionAnalyzer.of(policies, scope, caller.principal(), caller.context()));
        if (answer.status() != Answer.Status.UNKNOWN) {
            Search search = new Search();
            search.evaluated = 1;
            search.proven = true;
            search.found = answer.counterexample();
            return search;
        }
        Search search = search(policies, expectedTags, inScope, true);
        if (search.found == null) {
            search.unknowns = answer.unknowns();
        }
        return search;
    }

    /** Builds the failure message for a check whose result depends on policy parts the prover does not model. */
    final String unknown(String title, String expected, List<Unknown> unknowns) {
        FailureMessage message = FailureMessage.titled(title)
                .fact("expected", expected)
                .fact("but found", "no proof either way: the answer depends on policy parts the prover does not "
                        + "model, and none of the representative calls broke the rule");
        for (int i = 0; i < unknowns.size() && i < ResultPrinter.MAX_STATEMENTS; i++) {
            if (i == 0) {
                message.fact("unknown", unknowns.get(i).toString());
            } else {
                message.more(unknowns.get(i).toString());
            }
        }
        return message.render();
    }

    /** Builds the failure message for a call that was allowed but should not have been. */
    final FailureMessage counterexample(String title, String expected, String finding, StartSessionResult result, int evaluated,
            String hint) {
        FailureMessage message = FailureMessage.titled(title).fact("expected", expected).fact("but found", finding);
        ResultPrinter.printSession(message, result);
        message.fact("decision", result.decision().name()
                + (result.defaultShellGrantedImplicitly() ? " (the default shell needs no permission of its own)" : ""));
        ResultPrinter.printStatements(message, "allowed by", result.decidingStatements());
        message.fact("hint", hint);
        if (evaluated > 0) {
            message.fact("checked", ResultPrinter.count(evaluated, "session", "sessions") + " up to this one");
        } else {
            message.fact("proof", "the prover checked every target, document and context; the authorizer allows "
                    + "this call");
        }
        return message;
    }

    /** Suggests the usual fix for an allowed call that an {@code only*} check rejects. */
    static String hintFor(StartSessionResult result, String tagKey, String tagValue) {
        if (result.defaultShellGrantedImplicitly()) {
            String lacking = result.decidingStatements().stream()
                    .map(s -> String.valueOf(s.ref().index()))
                    .distinct()
                    .collect(Collectors.joining(", "));
            return "add \"BoolIfExists\": {\"" + SessionAuthorizer.DOCUMENT_ACCESS_CHECK_KEY
                    + "\": \"true\"} to every statement that allows ssm:StartSession; statement " + lacking
                    + " lacks it";
        }
        if (tagKey != null) {
            return "require the tag in the statement that allows the target, in a statement of its own: "
                    + "\"StringEquals\": {\"ssm:resourceTag/" + tagKey + "\": \"" + tagValue + "\"}";
        }
        return "narrow the document Resource to the allowed documents (AWS documents have an empty account field, "
                + "as in arn:aws:ssm:*::document/" + SessionDocument.PORT_FORWARD.name()
                + "), and add a Deny with NotResource for every other document";
    }

    static String names(List<SessionDocument> documents) {
        return documents.stream().map(SessionDocument::name).collect(Collectors.joining(", "));
    }

    /** Some session is allowed at all: the starting point of the {@code only*} checks. */
    static final class Allowed extends SessionExpectation {

        @Override
        public String ruleId() {
            return "PP-SESSION-ALLOWED";
        }

        Allowed(SessionScope scope, SessionCaller caller) {
            super(scope, caller);
        }

        @Override
        public String description() {
            return "allows ssm:StartSession on some target";
        }

        @Override
        public CheckResult check(PolicySet policies, String title) {
            Search decided = decide(policies, SessionAnalyzer::findAnySession, Map.of(), request -> true);
            if (decided.found != null) {
                return CheckResult.pass(this, decided.evaluated);
            }
            if (!decided.unknowns.isEmpty()) {
                return CheckResult.fail(this, decided.evaluated,
                        unknown(title, "some ssm:StartSession call allowed", decided.unknowns));
            }
            Search search = search(policies, Map.of(), request -> true, true);
            FailureMessage message = FailureMessage.titled(title)
                    .fact("expected", "some ssm:StartSession call allowed")
                    .fact("but found", "no call is allowed, for any target, document or context; for example:");
            if (search.firstDenied != null) {
                ResultPrinter.printSession(message, search.firstDenied);
                message.fact("decision", search.firstDenied.decision().name());
                ResultPrinter.printNearMisses(message, search.firstDenied.targetResult());
            }
            return CheckResult.fail(this, search.evaluated, message.render());
        }
    }

    /** Sessions are allowed only with the given documents; no document named means the default shell. */
    static final class OnlyWithDocuments extends SessionExpectation {

        @Override
        public String ruleId() {
            return "PP-SESSION-DOCUMENTS";
        }

        private final List<SessionDocument> documents;

        OnlyWithDocuments(SessionScope scope, SessionCaller caller, List<SessionDocument> documents) {
            super(scope, caller);
            if (documents.isEmpty()) {
                throw new IllegalArgumentException("name at least one session document");
            }
            this.documents = List.copyOf(documents);
        }

        @Override
        public String description() {
            return "allows ssm:StartSession only with " + names(documents);
        }

        private boolean permitted(StartSessionRequest request) {
            String documentArn = request.document().orElseGet(request::defaultShellArn);
            return documents.stream().anyMatch(document -> document.isNamedBy(documentArn));
        }

        @Override
        public CheckResult check(PolicySet policies, String title) {
            Search search = decide(policies, analyzer -> analyzer.findSessionOutside(documents), Map.of(),
                    request -> !permitted(request));
            if (search.found == null && !search.unknowns.isEmpty()) {
                return CheckResult.fail(this, search.evaluated, unknown(title,
                        "ssm:StartSession allowed only with " + names(documents), search.unknowns));
            }
            if (search.found == null) {
                return CheckResult.pass(this, search.evaluated);
            }
            StartSessionResult result = search.found;
            String finding = result.request().documentArn() == null
                    ? "a session that names no document, so Session Manager starts the default shell "
                            + SessionDocument.DEFAULT_SHELL.name()
                    : "a session with document " + result.request().documentArn();
            return CheckResult.fail(this, search.evaluated, counterexample(
                    title, "ssm:StartSession allowed only with " + names(documents), finding, result,
                    search.proven ? 0 : search.evaluated, hintFor(result, null, null)));
        }
    }

    /** Sessions are allowed only on targets tagged {@code key=value}; tag keys compare without case, as IAM does. */
    static final class OnlyForTag extends SessionExpectation {

        @Override
        public String ruleId() {
            return "PP-SESSION-TAG";
        }

        private final String key;
        private final String value;

        OnlyForTag(SessionScope scope, SessionCaller caller, String key, String value) {
            super(scope, caller);
            this.key = key;
            this.value = value;
        }

        @Override
        public String description() {
            return "allows ssm:StartSession only on targets tagged " + key + "=" + value;
        }

        private boolean tagged(SessionTarget target) {
            String lowerKey = key.toLowerCase(Locale.ROOT);
            return target.tags().entrySet().stream()
                    .anyMatch(tag -> tag.getKey().toLowerCase(Locale.ROOT).equals(lowerKey)
                            && tag.getValue().equals(value));
        }

        @Override
        public CheckResult check(PolicySet policies, String title) {
            Search search = decide(policies, analyzer -> analyzer.findSessionWithoutTag(key, value),
                    Map.of(key, value), request -> !tagged(request.target()));
            if (search.found == null && !search.unknowns.isEmpty()) {
                return CheckResult.fail(this, search.evaluated, unknown(title,
                        "ssm:StartSession allowed only on targets tagged " + key + "=" + value, search.unknowns));
            }
            if (search.found == null) {
                return CheckResult.pass(this, search.evaluated);
            }
            StartSessionResult result = search.found;
            String finding = result.request().target().tags().isEmpty()
                    ? "a session on a target with no tags"
                    : "a session on a target tagged " + ResultPrinter.formatMap(result.request().target().tags());
            String hint = result.targetResult().decision() == Decision.ALLOW
                    ? hintFor(result, key, value)
                    : "check the statements above";
            return CheckResult.fail(this, search.evaluated, counterexample(
                    title, "ssm:StartSession allowed only on targets tagged " + key + "=" + value, finding, result,
                    search.proven ? 0 : search.evaluated, hint));
        }
    }
}
