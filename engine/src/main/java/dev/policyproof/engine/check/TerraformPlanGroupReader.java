package dev.policyproof.engine.check;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.Problem;
import dev.policyproof.engine.check.ChecksFile.PolicyGroup;
import dev.policyproof.engine.check.LocatedNode.Mapping;
import dev.policyproof.engine.ssm.SessionScope;
import dev.policyproof.engine.template.PlanPolicy;
import dev.policyproof.engine.template.TerraformPlan;
import dev.policyproof.engine.template.TerraformPlanException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a policy id declared with a Terraform plan, {@code {terraformPlan: plan.json, resource: aws_iam_policy.app,
 * allowUnknowns: false}}. Without {@code resource} the id selects every identity policy of the plan. {@code resource}
 * names a resource address, which selects that resource's identity policies, or its one resource or trust policy, or
 * it names a policy address such as {@code aws_iam_role.app/assume_role_policy}. A resource address without an index
 * also selects the instances that {@code count} or {@code for_each} create, such as {@code aws_iam_policy.app[0]}.
 */
final class TerraformPlanGroupReader {

    private final NodeValidator validator;
    private final PolicyFileResolver resolver;
    private final TemplateGroupReader files;

    TerraformPlanGroupReader(NodeValidator validator, PolicyFileResolver resolver, SessionScope scope) {
        this.validator = validator;
        this.resolver = resolver;
        this.files = new TemplateGroupReader(validator, resolver, scope);
    }

    Optional<PolicyGroup> read(String id, Mapping mapping) {
        Optional<Path> file = validator.required(mapping, "terraformPlan", "a file written by terraform show -json")
                .flatMap(node -> files.existingFile(node, "terraformPlan"));
        Optional<Boolean> allowUnknowns = files.flag(mapping, "allowUnknowns");
        if (file.isEmpty() || allowUnknowns.isEmpty()) {
            return Optional.empty();
        }
        String name = resolver.displayName(file.get());
        Optional<TerraformPlan> plan = convert(file.get(), name, allowUnknowns.get());
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        // NOTE: policies that allowUnknowns left out are not part of the group, so checks cannot see them.
        // TerraformPlan.unknownAddresses() lists them, but reports do not show them yet.
        Optional<LocatedNode> resource = NodeValidator.optional(mapping, "resource");
        Optional<List<PlanPolicy>> selected = resource.isPresent()
                ? validator.text(resource.get(), "a resource address")
                        .flatMap(address -> select(plan.get(), address, resource.get()))
                : identityPolicies(plan.get(), mapping);
        if (selected.isEmpty()) {
            return Optional.empty();
        }
        List<Policy> policies = selected.get().stream().map(PlanPolicy::policy).toList();
        PolicyKind kind = policies.get(0).kind();
        return Optional.of(new PolicyGroup(id, kind, List.of(file.get()), List.of(name), policies));
    }

    private Optional<List<PlanPolicy>> select(TerraformPlan plan, String name, LocatedNode node) {
        List<PlanPolicy> all = plan.policies();
        List<PlanPolicy> byAddress = all.stream()
                .filter(policy -> policy.address().equals(plan.name() + "#" + name))
                .toList();
        List<PlanPolicy> ofResource = all.stream()
                .filter(policy -> policy.resourceAddress().equals(name)
                        || policy.resourceAddress().startsWith(name + "["))
                .toList();
        List<PlanPolicy> identity = ofResource.stream()
                .filter(policy -> policy.kind() == PolicyKind.IDENTITY)
                .toList();
        List<PlanPolicy> selected = !byAddress.isEmpty() ? byAddress : !identity.isEmpty() ? identity : ofResource;
        if (selected.isEmpty()) {
            String unknown = plan.unknownAddresses().stream()
                    .filter(address -> isWithin(address, plan.name() + "#" + name))
                    .findFirst()
                    .map(address -> "; " + address + " is known only after apply, so it was left out")
                    .orElse("");
            validator.report("policy-not-found", "Terraform plan " + plan.name() + " contains no policy in \"" + name
                    + "\"" + unknown + "; use a resource address or policy address of one of its policies: "
                    + String.join(", ", all.stream().map(policy -> relative(plan, policy)).toList()), node);
            return Optional.empty();
        }
        if (selected.size() > 1 && selected.get(0).kind() != PolicyKind.IDENTITY) {
            validator.report("several-policies", "\"" + name + "\" contains " + selected.size() + " policies; name "
                    + "one by its address, such as " + relative(plan, selected.get(0)), node);
            return Optional.empty();
        }
        return Optional.of(selected);
    }

    private Optional<List<PlanPolicy>> identityPolicies(TerraformPlan plan, Mapping mapping) {
        List<PlanPolicy> identity = plan.policies().stream()
                .filter(policy -> policy.kind() == PolicyKind.IDENTITY)
                .toList();
        if (identity.isEmpty()) {
            validator.report("policy-not-found", "Terraform plan " + plan.name() + " contains no identity policy; "
                    + "select a resource or trust policy with resource: <resource address>", mapping);
            return Optional.empty();
        }
        return Optional.of(identity);
    }

    /** Tells whether {@code address} is {@code prefix} itself, one of its attributes or one of its instances. */
    private static boolean isWithin(String address, String prefix) {
        return address.equals(prefix) || address.startsWith(prefix + "/") || address.startsWith(prefix + "[");
    }

    private static String relative(TerraformPlan plan, PlanPolicy policy) {
        return policy.address().substring(plan.name().length() + 1);
    }

    /** Reads the plan and turns its problems into checks file problems, which point into the plan. */
    private Optional<TerraformPlan> convert(Path file, String name, boolean allowUnknowns) {
        try {
            return Optional.of(TerraformPlan.read(file, name, allowUnknowns));
        } catch (TerraformPlanException e) {
            e.problems().forEach(this::report);
            return Optional.empty();
        }
    }

    private void report(Problem problem) {
        var at = problem.location();
        validator.problems().add(new ChecksFileProblem(problem.code(), problem.message(), at.source(), at.line(),
                at.column(), at.pointer()));
    }
}
