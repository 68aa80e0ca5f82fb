package dev.policyproof.engine.template;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyKind;
import java.util.Objects;

/**
 * A policy that a Terraform plan creates or keeps.
 *
 * @param address the stable name of the policy, {@code plan.json#aws_iam_policy.engineer/policy}, which is also the
 *     policy's name
 * @param resourceAddress the Terraform address of the resource, such as {@code module.app.aws_iam_role.app[0]}
 * @param resourceType the Terraform resource type, such as {@code aws_iam_role}
 * @param attribute the path of the policy attribute within the resource, such as {@code inline_policy/0/policy}
 * @param policy the parsed policy, whose locations point into the plan file
 */
public record PlanPolicy(String address, String resourceAddress, String resourceType, String attribute, Policy policy) {

    public PlanPolicy {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(resourceAddress, "resourceAddress");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(policy, "policy");
    }

    public PolicyKind kind() {
        return policy.kind();
    }
}
