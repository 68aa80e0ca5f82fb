package dev.policyproof.engine.ssm;

import dev.policyproof.engine.Request;
import dev.policyproof.engine.RequestContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An {@code ssm:StartSession} call: the target, the document ARN the caller names (absent when the caller names none,
 * as the console and a plain {@code aws ssm start-session} do), and the caller's context keys.
 */
public record StartSessionRequest(
        SessionTarget target, @Nullable String documentArn, @Nullable String principal, RequestContext context) {

    public static final String ACTION = "ssm:StartSession";

    private static final Pattern TARGET_ARN =
            Pattern.compile("arn:[^:]+:(ec2:[^:]*:[^:]*:instance/.+|ssm:[^:]*:[^:]*:managed-instance/.+)");
    private static final List<String> TAG_PREFIXES = List.of("ssm:resourcetag/", "aws:resourcetag/");

    public StartSessionRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(context, "context");
    }

    /**
     * Creates a session request on {@code target} that names {@code document}, in the target's partition, Region and
     * account.
     */
    public static StartSessionRequest withDocument(SessionTarget target, SessionDocument document) {
        return new StartSessionRequest(
                target,
                document.arn(target.partition(), target.region(), target.account()),
                null,
                RequestContext.empty());
    }

    /**
     * Creates a session request on {@code target} that names no document, so Session Manager starts the default
     * shell.
     */
    public static StartSessionRequest withoutDocument(SessionTarget target) {
        return new StartSessionRequest(target, null, null, RequestContext.empty());
    }

    /**
     * Returns whether Session Manager authorizes {@code request} as a session, which is the case for
     * {@code ssm:StartSession} on an instance or managed instance ARN.
     */
    public static boolean isSession(Request request) {
        return request.action().equalsIgnoreCase(ACTION) && TARGET_ARN.matcher(request.resource()).matches();
    }

    /**
     * Returns the session that a plain {@code request} describes. The resource is the target, the single-valued
     * context keys {@code ssm:resourceTag/K} and {@code aws:ResourceTag/K} become the target's tag {@code K}, and the
     * other keys stay the caller's context. A null {@code documentArn} means the caller names no document.
     *
     * @throws IllegalArgumentException if {@code request} is not a session, as {@link #isSession} decides
     */
    public static StartSessionRequest fromRequest(Request request, @Nullable String documentArn) {
        if (!isSession(request)) {
            throw new IllegalArgumentException("not a session: " + request + ". Only " + ACTION
                    + " on an instance or managed instance ARN is a session");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        RequestContext.Builder callerContext = RequestContext.builder();
        request.context().values().forEach(value -> {
            String tagKey = tagKey(value.key());
            if (tagKey != null && !value.multivalued()) {
                tags.put(tagKey, value.values().get(0));
            } else if (value.multivalued()) {
                callerContext.putAll(value.key(), value.values());
            } else {
                callerContext.put(value.key(), value.values().get(0));
            }
        });
        return new StartSessionRequest(
                new SessionTarget(request.resource(), tags),
                documentArn,
                request.principal().orElse(null),
                callerContext.build());
    }

    private static @Nullable String tagKey(String contextKey) {
        String lower = contextKey.toLowerCase(Locale.ROOT);
        for (String prefix : TAG_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return contextKey.substring(prefix.length());
            }
        }
        return null;
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
