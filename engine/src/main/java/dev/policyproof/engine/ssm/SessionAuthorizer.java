package dev.policyproof.engine.ssm;

import dev.policyproof.engine.Decision;
import dev.policyproof.engine.EvaluationResult;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.RequestContext;

/**
 * Authorizes {@code ssm:StartSession} the way Session Manager does: one call is checked against the target and
 * against the document, and an explicit deny on either wins.
 *
 * <p>A session that names no document runs {@code SSM-SessionManagerRunShell}. AWS documents that this default shell
 * needs no permission of its own unless the policy sets {@code ssm:SessionDocumentAccessCheck} to {@code true}
 * ("Enforce a session document permission check for the AWS CLI", Session Manager User Guide). The mechanism below is
 * inferred, not documented: the target is evaluated again with that key set to {@code "false"}; if it is still
 * allowed, some allowing statement lacks the check and the default shell is granted implicitly. Otherwise the default
 * shell's ARN in the target's account is authorized like any named document. So a statement with
 * {@code "BoolIfExists": {"ssm:SessionDocumentAccessCheck": "true"}} closes the implicit grant only when every
 * statement that allows the target carries it.
 */
public final class SessionAuthorizer {

    /** The condition key Session Manager sets to tell policies whether it checks the default document. */
    public static final String DOCUMENT_ACCESS_CHECK_KEY = "ssm:SessionDocumentAccessCheck";

    private final PolicySet policies;

    public SessionAuthorizer(PolicySet policies) {
        this.policies = policies;
    }

    public StartSessionResult authorize(StartSessionRequest session) {
        EvaluationResult target = policies.evaluate(targetRequest(session, session.context()));
        if (session.documentArn() != null) {
            EvaluationResult document = policies.evaluate(documentRequest(session, session.documentArn()));
            return new StartSessionResult(session, combine(target, document), target, null, document);
        }
        RequestContext checkOff = session.context().toBuilder().put(DOCUMENT_ACCESS_CHECK_KEY, "false").build();
        EvaluationResult implicitShell = policies.evaluate(targetRequest(session, checkOff));
        if (target.isAllowed() && implicitShell.isAllowed()) {
            return new StartSessionResult(session, Decision.ALLOW, target, implicitShell, null);
        }
        EvaluationResult document = policies.evaluate(documentRequest(session, session.defaultShellArn()));
        return new StartSessionResult(session, combine(target, document), target, implicitShell, document);
    }

    private static Request targetRequest(StartSessionRequest session, RequestContext context) {
        return Request.of(StartSessionRequest.ACTION, session.target().arn())
                .principal(session.principal())
                .resourceTags(session.target().tags())
                .context(context)
                .build();
    }

    /** The document is a resource of its own: the target's tags are not its tags. */
    private static Request documentRequest(StartSessionRequest session, String documentArn) {
        return Request.of(StartSessionRequest.ACTION, documentArn)
                .principal(session.principal())
                .context(session.context())
                .build();
    }

    private static Decision combine(EvaluationResult target, EvaluationResult document) {
        if (target.decision() == Decision.EXPLICIT_DENY || document.decision() == Decision.EXPLICIT_DENY) {
            return Decision.EXPLICIT_DENY;
        }
        if (target.isAllowed() && document.isAllowed()) {
            return Decision.ALLOW;
        }
        return Decision.IMPLICIT_DENY;
    }
}
