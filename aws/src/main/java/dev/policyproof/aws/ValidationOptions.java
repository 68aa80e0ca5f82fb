package dev.policyproof.aws;

import dev.policyproof.engine.PolicyKind;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The options of a {@code ValidatePolicy} call.
 *
 * @param policyType {@code IDENTITY_POLICY}, {@code RESOURCE_POLICY}, {@code SERVICE_CONTROL_POLICY} or
 *     {@code RESOURCE_CONTROL_POLICY}
 * @param validatePolicyResourceType the resource type of a resource policy, such as {@code AWS::S3::Bucket} or
 *     {@code AWS::IAM::AssumeRolePolicyDocument}, which enables that type's checks; null for none
 * @param locale the language of finding details, such as {@code EN}; null for the service's default
 * @since 0.1.0
 */
public record ValidationOptions(
        String policyType, @Nullable String validatePolicyResourceType, @Nullable String locale) {

    public ValidationOptions {
        Objects.requireNonNull(policyType, "policyType");
    }

    /** Returns the options that fit a policy of {@code kind}: trust policies get the role trust checks. */
    public static ValidationOptions forKind(PolicyKind kind) {
        return switch (kind) {
            case IDENTITY -> new ValidationOptions("IDENTITY_POLICY", null, null);
            case RESOURCE -> new ValidationOptions("RESOURCE_POLICY", null, null);
            case TRUST -> new ValidationOptions("RESOURCE_POLICY", "AWS::IAM::AssumeRolePolicyDocument", null);
        };
    }

    public ValidationOptions withResourceType(@Nullable String resourceType) {
        return new ValidationOptions(policyType, resourceType, locale);
    }

    public ValidationOptions withLocale(@Nullable String newLocale) {
        return new ValidationOptions(policyType, validatePolicyResourceType, newLocale);
    }
}
