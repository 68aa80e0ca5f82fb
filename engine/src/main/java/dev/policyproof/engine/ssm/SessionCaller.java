package dev.policyproof.engine.ssm;

import dev.policyproof.engine.RequestContext;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The principal that starts the sessions a session check tries, and the condition keys those calls carry, such as
 * {@code aws:SourceIp}. The check adds the target's tags itself, and sets {@code ssm:SessionDocumentAccessCheck} when
 * it tests the implicit default shell.
 *
 * @param principal the caller's ARN, or null when the policies do not depend on it
 */
public record SessionCaller(@Nullable String principal, RequestContext context) {

    /** No principal ARN and no context keys: the caller that session checks use by default. */
    public static final SessionCaller UNSPECIFIED = new SessionCaller(null, RequestContext.empty());

    public SessionCaller {
        Objects.requireNonNull(context, "context");
    }
}
