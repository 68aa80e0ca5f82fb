package dev.policyproof.engine.ssm;

import dev.policyproof.engine.RequestContext;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An {@code ssm:StartSession} call: the target, the document ARN the caller names (absent when the caller names none,
 * as the console and a plain {@code aws ssm start-session} do), and the caller's context keys.
 */
public record StartSessionRequest(
        SessionTarget target, @Nullable String documentArn, @Nullable String principal, RequestContext context) {

    public static final String ACTION = "ssm:StartSession";

    public StartSessionRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(context, "context");
    }

    /** A session on {@code target} that names {@code document}, in the target's partition, Region and account. */
    public static StartSessionRequest withDocument(SessionTarget target, SessionDocument document) {
        return new StartSessionRequest(
                target,
                document.arn(target.partition(), target.region(), target.account()),
                null,
                RequestContext.empty());
    }

    /** A session on {@code target} that names no document, so Session Manager starts the default shell. */
    public static StartSessionRequest withoutDocument(SessionTarget target) {
        return new StartSessionRequest(target, null, null, RequestContext.empty());
    }

    public Optional<String> document() {
        return Optional.ofNullable(documentArn);
    }

    /** Returns the ARN of the default shell document in the target's account, used when no document is named. */
    public String defaultShellArn() {
        return SessionDocument.DEFAULT_SHELL.arn(target.partition(), target.region(), target.account());
    }

    public StartSessionRequest withContext(RequestContext newContext) {
        return new StartSessionRequest(target, documentArn, principal, newContext);
    }

    public StartSessionRequest withPrincipal(@Nullable String principalArn) {
        return new StartSessionRequest(target, documentArn, principalArn, context);
    }

    @Override
    public String toString() {
        return ACTION + " on " + target + (documentArn == null ? " with no document named" : " with " + documentArn);
    }
}
