package dev.policyproof.assertions.internal;

import dev.policyproof.engine.PrincipalArn;
import dev.policyproof.engine.PrincipalContext;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.RequestContext;
import dev.policyproof.engine.ssm.SessionCaller;
import dev.policyproof.engine.ssm.SessionScope;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the assertions put into the requests they build: condition context, resource tags and principal for request
 * checks, and the principal, context and scope for session checks. Each {@code with*} method returns a copy.
 */
public record RequestSetup(
        RequestContext context, Map<String, String> resourceTags, @Nullable String principal, SessionScope scope) {

    /** No context, tags or principal, in {@link SessionScope#DEFAULT}. */
    public static final RequestSetup DEFAULT =
            new RequestSetup(RequestContext.empty(), Map.of(), null, SessionScope.DEFAULT);

    public RequestSetup {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(scope, "scope");
        resourceTags = Collections.unmodifiableMap(new LinkedHashMap<>(resourceTags));
    }

    public RequestSetup withContext(String key, String value) {
        return withContext(context.toBuilder().put(key, value).build());
    }

    public RequestSetup withContextValues(String key, List<String> values) {
        return withContext(context.toBuilder().putAll(key, List.copyOf(values)).build());
    }

    public RequestSetup withResourceTag(String key, String value) {
        Map<String, String> tags = new LinkedHashMap<>(resourceTags);
        tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new RequestSetup(context, tags, principal, scope);
    }

    public RequestSetup withPrincipal(String principalArn) {
        return new RequestSetup(context, resourceTags, Objects.requireNonNull(principalArn, "principalArn"), scope);
    }

    /** Sets the principal and the global keys AWS derives for it, keeping keys set earlier unless it replaces them. */
    public RequestSetup asPrincipal(String principalArn, @Nullable String uniqueId) {
        RequestContext keys = PrincipalContext.standardKeys(PrincipalArn.parse(principalArn), uniqueId);
        RequestContext merged = context.toBuilder().putAll(keys).build();
        return new RequestSetup(merged, resourceTags, principalArn, scope);
    }

    public RequestSetup withScope(SessionScope newScope) {
        return new RequestSetup(context, resourceTags, principal, newScope);
    }

    /** Builds the request for {@code action} on {@code resource} with this setup's context, tags and principal. */
    public Request request(String action, String resource) {
        return Request.of(action, resource)
                .context(context)
                .resourceTags(resourceTags)
                .principal(principal)
                .build();
    }

    /** Returns the caller of session checks; resource tags are left out because those checks choose the targets. */
    public SessionCaller caller() {
        return new SessionCaller(principal, context);
    }

    private RequestSetup withContext(RequestContext newContext) {
        return new RequestSetup(newContext, resourceTags, principal, scope);
    }
}
