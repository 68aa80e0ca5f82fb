package dev.policyproof.engine.template;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyKind;
import java.util.Objects;

/**
 * A policy declared in a template.
 *
 * @param address the stable name of the policy, {@code template#LogicalId/Properties/PolicyDocument}, which is also
 *     the policy's name
 * @param logicalId the resource that declares the policy
 * @param resourceType the type of that resource, such as {@code AWS::IAM::ManagedPolicy}
 * @param policy the parsed policy, whose locations point into the template
 */
public record TemplatePolicy(String address, String logicalId, String resourceType, Policy policy) {

    public TemplatePolicy {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(policy, "policy");
    }

    public PolicyKind kind() {
        return policy.kind();
    }
}
