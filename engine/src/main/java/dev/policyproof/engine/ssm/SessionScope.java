package dev.policyproof.engine.ssm;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The partition, Region and account in which session checks build their example ARNs, when the policy leaves them
 * open with wildcards. The defaults are AWS's documentation values.
 */
public record SessionScope(String partition, String region, String account) {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    /** {@code aws}, {@code us-east-1} and the documentation account {@code 111122223333}. */
    public static final SessionScope DEFAULT = new SessionScope("aws", "us-east-1", "111122223333");

    public SessionScope {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        if (!ACCOUNT_ID.matcher(account).matches()) {
            throw new IllegalArgumentException("account must be a 12-digit AWS account ID, got \"" + account + "\"");
        }
        if (region.isBlank() || partition.isBlank()) {
            throw new IllegalArgumentException("partition and region must not be blank");
        }
    }

    public SessionScope withRegion(String newRegion) {
        return new SessionScope(partition, newRegion, account);
    }

    public SessionScope withAccount(String newAccount) {
        return new SessionScope(partition, region, newAccount);
    }
}
