package dev.policyproof.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One request to authorize: an action on a resource, optionally by a principal, with its condition context. Resource
 * tags are kept for messages and also added to the context under the keys the action's service uses.
 */
public final class Request {

    private final @Nullable String principal;
    private final @Nullable String resourceAccount;
    private final String action;
    private final String resource;
    private final Map<String, String> resourceTags;
    private final RequestContext context;
    private final RequestContext contextWithoutTags;

    private Request(Builder builder) {
        this.principal = builder.principal;
        this.resourceAccount = builder.resourceAccount;
        this.action = requireAction(requireText(builder.action, "action"));
        this.resource = requireText(builder.resource, "resource");
        this.resourceTags = Collections.unmodifiableMap(new LinkedHashMap<>(builder.resourceTags));
        this.contextWithoutTags = builder.context;
        RequestContext.Builder withTags = builder.context.toBuilder();
        ResourceTagKeys.addTo(withTags, action, resourceTags);
        this.context = withTags.build();
    }

    /**
     * Checks that {@code action} is one action name, because a pattern or a name without a service prefix is a
     * mistake in the test.
     */
    private static String requireAction(String action) {
        int colon = action.indexOf(':');
        if (colon <= 0 || colon == action.length() - 1 || action.indexOf('*') >= 0 || action.indexOf('?') >= 0) {
            throw new IllegalArgumentException("invalid request action \"" + action + "\": a request names one "
                    + "action as service:Action, such as s3:GetObject, without wildcards");
        }
        return action;
    }

    private static String requireText(@Nullable String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a request for {@code action} on {@code resource}. */
    public static Builder of(String action, String resource) {
        return new Builder().action(action).resource(resource);
    }

    public Builder toBuilder() {
        Builder builder = new Builder()
                .action(action)
                .resource(resource)
                .principal(principal)
                .resourceAccount(resourceAccount);
        builder.resourceTags.putAll(resourceTags);
        builder.context = contextWithoutTags;
        return builder;
    }

    public Optional<String> principal() {
        return Optional.ofNullable(principal);
    }

    /**
     * Returns the account that owns the resource, when set explicitly; needed where the ARN has no account field,
     * as for S3 buckets.
     */
    public Optional<String> resourceAccount() {
        return Optional.ofNullable(resourceAccount);
    }

    public String action() {
        return action;
    }

    public String resource() {
        return resource;
    }

    public Map<String, String> resourceTags() {
        return resourceTags;
    }

    /** Returns the condition context, resource tag keys included. */
    public RequestContext context() {
        return context;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Request that
                && Objects.equals(principal, that.principal)
                && Objects.equals(resourceAccount, that.resourceAccount)
                && action.equals(that.action)
                && resource.equals(that.resource)
                && resourceTags.equals(that.resourceTags)
                && context.equals(that.context);
    }

    @Override
    public int hashCode() {
        return Objects.hash(principal, resourceAccount, action, resource, resourceTags, context);
    }

    @Override
    public String toString() {
        return action + " on " + resource + (resourceTags.isEmpty() ? "" : " tagged " + resourceTags)
                + (principal == null ? "" : " by " + principal);
    }

    /** Builds a {@link Request}. */
    public static final class Builder {
        private @Nullable String principal;
        private @Nullable String resourceAccount;
        private @Nullable String action;
        private @Nullable String resource;
        private final Map<String, String> resourceTags = new LinkedHashMap<>();
        private RequestContext context = RequestContext.empty();

        private Builder() {}

        public Builder principal(@Nullable String principalArn) {
            this.principal = principalArn;
            return this;
        }

        /** Sets the account that owns the resource, when the resource ARN does not carry it. */
        public Builder resourceAccount(@Nullable String account) {
            this.resourceAccount = account;
            return this;
        }

        public Builder action(String action) {
            this.action = action;
            return this;
        }

        public Builder resource(String resourceArn) {
            this.resource = resourceArn;
            return this;
        }

        public Builder resourceTag(String key, String value) {
            this.resourceTags.put(key, value);
            return this;
        }

        /** Replaces the resource tags. */
        public Builder resourceTags(Map<String, String> tags) {
            this.resourceTags.clear();
            this.resourceTags.putAll(tags);
            return this;
        }

        /** Replaces the condition context; resource tags are added on top at {@link #build()}. */
        public Builder context(RequestContext context) {
            this.context = Objects.requireNonNull(context, "context");
            return this;
        }

        /** Sets one single-valued context key. */
        public Builder contextValue(String key, String value) {
            this.context = context.toBuilder().put(key, value).build();
            return this;
        }

        public Request build() {
            return new Request(this);
        }
    }
}
