package dev.policyproof.engine.check;

import dev.policyproof.engine.EvaluationResult;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.PrincipalArn;
import dev.policyproof.engine.PrincipalContext;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.RequestContext;
import dev.policyproof.engine.ssm.SessionScope;
import java.util.List;

/**
 * Expects callers to end and resume only their own Session Manager sessions. Sessions are tagged by Session Manager
 * with {@code aws:ssmmessages:session-id} set to the starting caller's {@code aws:userid}, and their IDs start with the
 * caller's name, so the check tries a user and a role session against sessions of others, including one whose ID
 * starts with the caller's name (the {@code ${aws:username}-*} trap) and one without the tag.
 *
 * <p>NOTE: a finite set of callers and sessions chosen to expose the usual mistakes, not a proof over every caller.
 */
final class SessionOwnershipExpectation implements Expectation {

    private static final List<String> ACTIONS = List.of("ssm:TerminateSession", "ssm:ResumeSession");
    private static final String SESSION_TAG = "aws:ssmmessages:session-id";

    private final SessionScope scope;

    /** A caller, and the sessions of others it tries to end. */
    private record Caller(String arn, String uniqueId, String name) {}

    /** A session of someone else: its ID and its session-id tag, null for an untagged session. */
    private record Foreign(String id, String tag, String description) {}

    SessionOwnershipExpectation(SessionScope scope) {
        this.scope = scope;
    }

    @Override
    public String ruleId() {
        return "PP-OWN-SESSIONS";
    }

    @Override
    public String description() {
        return "ends and resumes only the caller's own sessions";
    }

    @Override
    public CheckResult check(PolicySet policies, String title) {
        String account = scope.account();
        List<Caller> callers = List.of(
                new Caller("arn:aws:iam::" + account + ":user/alice", "AIDAEXAMPLEALICE", "alice"),
                new Caller("arn:aws:sts::" + account + ":assumed-role/engineer/alice", "AROAEXAMPLEENGINEER",
                        "alice"));
        int evaluated = 0;
        for (Caller caller : callers) {
            for (Foreign session : foreignSessions(caller)) {
                for (String action : ACTIONS) {
                    Request request = request(caller, session, action);
                    EvaluationResult result = policies.evaluate(request);
                    evaluated++;
                    if (result.isAllowed()) {
                        return CheckResult.fail(this, evaluated, message(title, session, result));
                    }
                }
            }
        }
        return CheckResult.pass(this, evaluated);
    }

    private List<Foreign> foreignSessions(Caller caller) {
        return List.of(
                new Foreign("bob-0a1b2c3d4e5f67890", "AIDAEXAMPLEBOB", "a session of another user"),
                new Foreign(caller.name() + "-smith-0a1b2c3d4e5f67890", "AIDAEXAMPLEALICESMITH",
                        "a session of user " + caller.name() + "-smith, whose ID starts with the caller's name"),
                new Foreign("bob-0f9e8d7c6b5a43210", null, "a session without the session-id tag"));
    }

    private Request request(Caller caller, Foreign session, String action) {
        String arn = "arn:" + scope.partition() + ":ssm:" + scope.region() + ":" + scope.account() + ":session/"
                + session.id();
        RequestContext keys = PrincipalContext.standardKeys(PrincipalArn.parse(caller.arn()), caller.uniqueId());
        Request.Builder request = Request.of(action, arn).principal(caller.arn()).context(keys);
        if (session.tag() != null) {
            request.resourceTag(SESSION_TAG, session.tag());
        }
        return request.build();
    }

    private FailureMessage message(String title, Foreign session, EvaluationResult result) {
        FailureMessage message = FailureMessage.titled(title)
                .fact("expected", description())
                .fact("but found", session.description() + " can be ended or resumed");
        ResultPrinter.printRequest(message, result.request());
        message.fact("decision", result.decision().name());
        ResultPrinter.printStatements(message, "allowed by", result.decidingStatements());
        message.fact("hint", "allow ssm:TerminateSession and ssm:ResumeSession on session/* only with "
                + "\"StringEquals\": {\"ssm:resourceTag/" + SESSION_TAG + "\": \"${aws:userid}\"}; resuming "
                + "another's session takes it over");
        return message;
    }
}
