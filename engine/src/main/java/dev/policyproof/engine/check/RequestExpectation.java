package dev.policyproof.engine.check;

import dev.policyproof.engine.Decision;
import dev.policyproof.engine.EvaluationResult;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.Request;

/**
 * Expects one concrete request to be allowed, or to be denied (explicitly or implicitly). Public so that remote
 * checks can ask the IAM policy simulator about the same request; {@link Expectations} creates instances.
 */
public final class RequestExpectation implements Expectation {

    private final Request request;
    private final boolean expectAllowed;

    RequestExpectation(Request request, boolean expectAllowed) {
        this.request = request;
        this.expectAllowed = expectAllowed;
    }

    public Request request() {
        return request;
    }

    /** Returns true for {@code allows}, false for {@code denies}. */
    public boolean expectsAllowed() {
        return expectAllowed;
    }

    @Override
    public String ruleId() {
        return expectAllowed ? "PP-ALLOWS" : "PP-DENIES";
    }

    @Override
    public String description() {
        return (expectAllowed ? "allows " : "denies ") + request;
    }

    @Override
    public CheckResult check(PolicySet policies, String title) {
        EvaluationResult result = policies.evaluate(request);
        if (result.isAllowed() == expectAllowed) {
            return CheckResult.pass(this, 1);
        }
        FailureMessage message = FailureMessage.titled(title)
                .fact("expected", (expectAllowed ? "allowed: " : "denied: ") + request.action() + " on "
                        + request.resource());
        message.fact("but found", switch (result.decision()) {
            case ALLOW -> "the request is allowed";
            case EXPLICIT_DENY -> "a Deny statement matches the request";
            case IMPLICIT_DENY -> "no statement allows the request";
        });
        ResultPrinter.printRequest(message, request);
        message.fact("decision", result.decision().name());
        if (result.decision() == Decision.ALLOW) {
            ResultPrinter.printStatements(message, "allowed by", result.decidingStatements());
            message.fact("hint", "narrow the statement above, or add a Deny statement for this request");
        } else if (result.decision() == Decision.EXPLICIT_DENY) {
            ResultPrinter.printStatements(message, "denied by", result.decidingStatements());
        } else {
            ResultPrinter.printNearMisses(message, result);
        }
        return CheckResult.fail(this, 1, message);
    }
}
