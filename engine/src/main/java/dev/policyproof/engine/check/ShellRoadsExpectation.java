package dev.policyproof.engine.check;

import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.internal.ArnMatcher;
import dev.policyproof.engine.internal.GlobPattern;
import dev.policyproof.engine.proof.Answer;
import dev.policyproof.engine.proof.PolicyAnalyzer;
import dev.policyproof.engine.proof.Scope;
import dev.policyproof.engine.proof.SessionAnalyzer;
import dev.policyproof.engine.proof.SessionAnalyzer.SessionAnswer;
import dev.policyproof.engine.ssm.SessionAuthorizer;
import dev.policyproof.engine.ssm.SessionDocument;
import dev.policyproof.engine.ssm.SessionScope;
import dev.policyproof.engine.ssm.SessionSpace;
import dev.policyproof.engine.ssm.SessionTarget;
import dev.policyproof.engine.ssm.StartSessionRequest;
import dev.policyproof.engine.ssm.StartSessionResult;
import java.util.List;
import java.util.Optional;

/**
 * Expects no road to a shell on the targets a pattern matches: no Session Manager session with a document other than
 * the port-forwarding ones (the default shell with no document named included), and none of the other roads, each
 * proven over every request: Run Command, EC2 Instance Connect key pushes, Automation, caller-made session documents,
 * changes to the target's user data, and moving tags onto or off instances.
 */
final class ShellRoadsExpectation implements Expectation {

    private static final List<SessionDocument> TUNNELS =
            List.of(SessionDocument.PORT_FORWARD, SessionDocument.PORT_FORWARD_TO_REMOTE_HOST);

    private final SessionScope scope;
    private final String target;
    private final List<Road> roads;

    /** A road proven closed by the prover: a label and the requests that would open it. */
    private record Road(String label, Scope requests) {}

    ShellRoadsExpectation(SessionScope scope, String target) {
        this.scope = scope;
        this.target = target;
        this.roads = List.of(
                new Road("Run Command", Scope.actions("ssm:SendCommand").withResources(target)),
                new Road("EC2 Instance Connect key push", Scope.actions(
                                "ec2-instance-connect:SendSSHPublicKey",
                                "ec2-instance-connect:SendSerialConsoleSSHPublicKey")
                        .withResources(target)),
                new Road("Automation runbooks", Scope.actions("ssm:StartAutomationExecution")),
                new Road("caller-made session documents", Scope.actions(
                        "ssm:CreateDocument", "ssm:UpdateDocument", "ssm:UpdateDocumentDefaultVersion")),
                new Road("user data of the target", Scope.actions("ec2:ModifyInstanceAttribute").withResources(target)),
                new Road("moving instance tags", Scope.actions("ec2:CreateTags", "ec2:DeleteTags")
                        .withResources("arn:aws:ec2:*:*:instance/*")));
    }

    @Override
    public String ruleId() {
        return "PP-NO-SHELL";
    }

    @Override
    public String description() {
        return "does not allow a shell on " + target;
    }

    @Override
    public CheckResult check(PolicySet policies, String title) {
        Optional<CheckResult> sessions = checkSessions(policies, title);
        if (sessions.isPresent()) {
            return sessions.get();
        }
        // One proof for all roads first; only when it finds something is each road asked on its own, for the label.
        Answer any = PolicyAnalyzer.of(policies).findAllowedInAny(roads.stream().map(Road::requests).toList());
        if (any.status() == Answer.Status.NONE) {
            return CheckResult.pass(this, 1);
        }
        int evaluated = 0;
        for (Road road : roads) {
            Expectation closed = Expectations.neverAllows(road.requests());
            CheckResult result = closed.check(policies, title);
            if (!result.passed()) {
                String message = result.failureMessage()
                        .replaceFirst("expected:     never allows", "expected:     no shell on " + target
                                + " through " + road.label() + ": never allows");
                return CheckResult.fail(this, evaluated + result.requestsEvaluated(), message,
                        result.decidingLocation().orElse(null));
            }
            evaluated += result.requestsEvaluated();
        }
        return CheckResult.pass(this, evaluated);
    }

    /**
     * Proves that no session on a matching target runs a document other than the tunnels, the default shell included;
     * when the prover cannot decide, tries representative sessions and fails closed if none breaks the rule.
     */
    private Optional<CheckResult> checkSessions(PolicySet policies, String title) {
        SessionAnswer answer = SessionAnalyzer.of(policies, scope).onTargets(target).findSessionOutside(TUNNELS);
        if (answer.status() == Answer.Status.FOUND) {
            return Optional.of(CheckResult.fail(this, 1, sessionMessage(title, answer.counterexample(), 0)));
        }
        if (answer.status() == Answer.Status.NONE) {
            return Optional.empty();
        }
        Optional<CheckResult> example = trySessions(policies, title);
        if (example.isPresent()) {
            return example;
        }
        FailureMessage message = FailureMessage.titled(title)
                .fact("expected", "no shell on " + target + " through Session Manager")
                .fact("but found", "no proof either way: the answer depends on policy parts the prover does not "
                        + "model, and none of the representative sessions opens a shell");
        answer.unknowns().forEach(unknown -> message.detail(unknown.toString()));
        return Optional.of(CheckResult.fail(this, 1, message));
    }

    /** Tries representative sessions on a matching target with every document but the tunnels. */
    private Optional<CheckResult> trySessions(PolicySet policies, String title) {
        SessionAuthorizer authorizer = new SessionAuthorizer(policies);
        SessionSpace space = SessionSpace.of(policies, scope);
        GlobPattern pattern = GlobPattern.compile(target);
        int evaluated = 0;
        for (SessionTarget candidate : space.targets(java.util.Map.of())) {
            SessionTarget aimed = aim(candidate, pattern);
            if (aimed == null) {
                continue;
            }
            for (Optional<String> document : space.documents(aimed)) {
                if (document.isPresent() && TUNNELS.stream().anyMatch(t -> t.isNamedBy(document.get()))) {
                    continue;
                }
                StartSessionRequest request = new StartSessionRequest(
                        aimed, document.orElse(null), null, dev.policyproof.engine.RequestContext.empty());
                StartSessionResult result = authorizer.authorize(request);
                evaluated++;
                if (result.isAllowed()) {
                    return Optional.of(CheckResult.fail(this, evaluated, sessionMessage(title, result, evaluated)));
                }
            }
        }
        return Optional.empty();
    }

    /** Returns the candidate with the target's ARN when the target is one ARN, else the candidate if it matches. */
    private SessionTarget aim(SessionTarget candidate, GlobPattern pattern) {
        if (pattern.isLiteral()) {
            return new SessionTarget(target, candidate.tags());
        }
        return ArnMatcher.matches(pattern, candidate.arn()) ? candidate : null;
    }

    private FailureMessage sessionMessage(String title, StartSessionResult result, int evaluated) {
        FailureMessage message = FailureMessage.titled(title)
                .fact("expected", "no shell on " + target + " through Session Manager")
                .fact("but found", result.request().documentArn() == null
                        ? "a session that names no document, so Session Manager starts the default shell"
                        : "a session with document " + result.request().documentArn());
        ResultPrinter.printSession(message, result);
        message.fact("decision", result.decision().name());
        ResultPrinter.printStatements(message, "allowed by", result.decidingStatements());
        message.fact("hint", SessionExpectation.hintFor(result, null, null));
        if (evaluated > 0) {
            message.fact("checked", ResultPrinter.count(evaluated, "session", "sessions") + " up to this one");
        } else {
            message.fact("proof", "the prover checked every matching target, document and context; the authorizer "
                    + "allows this call");
        }
        return message;
    }
}
