package dev.policyproof.engine.proof;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The requests a question is about: actions and resources as policy patterns (empty means all), the principals who
 * ask (empty means representatives derived from the policies), the account in which a default caller lives, and the
 * account that owns the resources when their ARNs do not say (null: the caller's, as for an S3 bucket in it).
 */
public record Scope(
        List<String> actions,
        List<String> resources,
        List<String> principals,
        String account,
        @Nullable String resourceAccount) {

    /** The documentation account that callers live in unless a scope names another. */
    public static final String DEFAULT_ACCOUNT = "111122223333";

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    public Scope {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        principals = List.copyOf(principals);
        Objects.requireNonNull(account, "account");
        if (!ACCOUNT_ID.matcher(account).matches()) {
            throw new IllegalArgumentException("account must be a 12-digit AWS account ID, got \"" + account + "\"");
        }
        if (resourceAccount != null && !ACCOUNT_ID.matcher(resourceAccount).matches()) {
            throw new IllegalArgumentException(
                    "resource account must be a 12-digit AWS account ID, got \"" + resourceAccount + "\"");
        }
    }

    /** Every request. */
    public static Scope all() {
        return new Scope(List.of(), List.of(), List.of(), DEFAULT_ACCOUNT, null);
    }

    /** Requests for the given action patterns, on any resource. */
    public static Scope actions(String... actions) {
        return all().withActions(List.of(actions));
    }

    public Scope withActions(List<String> newActions) {
        return new Scope(newActions, resources, principals, account, resourceAccount);
    }

    public Scope withResources(List<String> newResources) {
        return new Scope(actions, newResources, principals, account, resourceAccount);
    }

    public Scope withResources(String... newResources) {
        return withResources(List.of(newResources));
    }

    public Scope withPrincipals(List<String> newPrincipals) {
        return new Scope(actions, resources, newPrincipals, account, resourceAccount);
    }

    public Scope withAccount(String newAccount) {
        return new Scope(actions, resources, principals, newAccount, resourceAccount);
    }

    /** Sets the account that owns every resource in scope, whatever account the ARNs name. */
    public Scope withResourceAccount(@Nullable String owner) {
        return new Scope(actions, resources, principals, account, owner);
    }

    @Override
    public String toString() {
        return (actions.isEmpty() ? "any action" : String.join(", ", actions)) + " on "
                + (resources.isEmpty() ? "any resource" : String.join(", ", resources))
                + (principals.isEmpty() ? "" : " by " + String.join(", ", principals));
    }
}
