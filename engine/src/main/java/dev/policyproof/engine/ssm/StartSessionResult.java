package dev.policyproof.engine.ssm;

import dev.policyproof.engine.Decision;
import dev.policyproof.engine.EvaluationResult;
import dev.policyproof.engine.StatementResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The decision for a {@code StartSession} call and the evaluations behind it: the target, and either the document or,
 * for a session that names no document, the check that granted the default shell implicitly.
 *
 * @param targetResult the target evaluated with {@code ssm:SessionDocumentAccessCheck} absent
 * @param implicitShellResult for a session without a document: the target evaluated again with the check key
 *     {@code "false"}; when that is allowed, the default shell needs no permission of its own
 * @param documentResult the document evaluated, or null when it was not (implicit default shell)
 */
public record StartSessionResult(
        StartSessionRequest request,
        Decision decision,
        EvaluationResult targetResult,
        @Nullable EvaluationResult implicitShellResult,
        @Nullable EvaluationResult documentResult) {

    public boolean isAllowed() {
        return decision.isAllowed();
    }

    /** Returns true when the default shell was granted without any permission on its document. */
    public boolean defaultShellGrantedImplicitly() {
        return request.documentArn() == null && documentResult == null && decision.isAllowed();
    }

    public Optional<EvaluationResult> document() {
        return Optional.ofNullable(documentResult);
    }

    /** Returns the ARN of the document the session runs: the one named, else the default shell. */
    public String effectiveDocumentArn() {
        return request.document().orElseGet(request::defaultShellArn);
    }

    /**
     * Returns the statements that decided the outcome. For an implicit default shell these are the statements that
     * still allow the target with the document check off: the ones that lack the check.
     */
    public List<StatementResult> decidingStatements() {
        List<StatementResult> deciding = new ArrayList<>();
        if (decision == Decision.EXPLICIT_DENY) {
            addIfDecision(deciding, targetResult, Decision.EXPLICIT_DENY);
            addIfDecision(deciding, documentResult, Decision.EXPLICIT_DENY);
        } else if (defaultShellGrantedImplicitly() && implicitShellResult != null) {
            deciding.addAll(implicitShellResult.decidingStatements());
        } else {
            deciding.addAll(targetResult.decidingStatements());
            if (documentResult != null) {
                deciding.addAll(documentResult.decidingStatements());
            }
        }
        return deciding;
    }

    private static void addIfDecision(List<StatementResult> out, @Nullable EvaluationResult result, Decision wanted) {
        if (result != null && result.decision() == wanted) {
            out.addAll(result.decidingStatements());
        }
    }
}
