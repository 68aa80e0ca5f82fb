package dev.policyproof.engine.check;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.Problem;
import dev.policyproof.engine.check.ChecksFile.PolicyGroup;
import dev.policyproof.engine.check.LocatedNode.Mapping;
import dev.policyproof.engine.ssm.SessionScope;
import dev.policyproof.engine.template.ParametersFile;
import dev.policyproof.engine.template.Template;
import dev.policyproof.engine.template.TemplateException;
import dev.policyproof.engine.template.TemplatePolicies;
import dev.policyproof.engine.template.TemplatePolicy;
import dev.policyproof.engine.template.TemplateSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a policy id declared with a CloudFormation template, {@code {template: infra/app.yaml, resource: AppPolicy,
 * parameters: infra/params.json}}, and the settings shared with the template rule pack. Without {@code resource} the
 * id selects every identity policy of the template. {@code resource} names a logical id, which selects that
 * resource's identity policies, or its one resource or trust policy, or it names a policy address such as
 * {@code AppRole/Properties/AssumeRolePolicyDocument}.
 */
final class TemplateGroupReader {

    private final NodeValidator validator;
    private final PolicyFileResolver resolver;
    private final SessionScope scope;

    TemplateGroupReader(NodeValidator validator, PolicyFileResolver resolver, SessionScope scope) {
        this.validator = validator;
        this.resolver = resolver;
        this.scope = scope;
    }

    Optional<PolicyGroup> read(String id, Mapping mapping) {
        Optional<LoadedTemplate> template = template(mapping);
        Optional<Boolean> allowUnknowns = flag(mapping, "allowUnknowns");
        if (template.isEmpty() || allowUnknowns.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<TemplatePolicy>> all = convert(() -> TemplatePolicies.extract(template.get().template(),
                allowUnknowns.get()));
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocatedNode> resource = NodeValidator.optional(mapping, "resource");
        String name = template.get().template().name();
        Optional<List<TemplatePolicy>> selected = resource.isPresent()
                ? validator.text(resource.get(), "a logical id")
                        .flatMap(logicalId -> select(all.get(), logicalId, resource.get(), name))
                : identityPolicies(all.get(), mapping, name);
        if (selected.isEmpty()) {
            return Optional.empty();
        }
        List<Policy> policies = selected.get().stream().map(TemplatePolicy::policy).toList();
        PolicyKind kind = policies.get(0).kind();
        return Optional.of(new PolicyGroup(id, kind, List.of(template.get().file()), List.of(name), policies));
    }

    /** A resolved template and the file it was read from. */
    record LoadedTemplate(Template template, Path file) {}

    /** Reads and resolves the template named under {@code template}, with its parameters. */
    Optional<LoadedTemplate> template(Mapping mapping) {
        Optional<LocatedNode> node = validator.required(mapping, "template", "a CloudFormation template file");
        Optional<Path> file = node.flatMap(n -> existingFile(n, "template"));
        Optional<Map<String, String>> parameters = NodeValidator.optional(mapping, "parameters")
                .map(this::parameters)
                .orElse(Optional.of(Map.of()));
        Optional<Boolean> defaults = flag(mapping, "parameterDefaults");
        if (file.isEmpty() || parameters.isEmpty() || defaults.isEmpty()) {
            return Optional.empty();
        }
        TemplateSettings settings = TemplateSettings.DEFAULT
                .withScope(scope.partition(), scope.region(), scope.account())
                .withParameters(parameters.get())
                .withParameterDefaults(defaults.get());
        String name = resolver.displayName(file.get());
        return convert(() -> new LoadedTemplate(Template.read(file.get(), name, settings), file.get()));
    }

    private Optional<Map<String, String>> parameters(LocatedNode node) {
        Optional<Path> file = existingFile(node, "parameters");
        if (file.isEmpty()) {
            return Optional.empty();
        }
        String name = resolver.displayName(file.get());
        return convert(() -> ParametersFile.parse(name, readText(file.get())));
    }

    Optional<Path> existingFile(LocatedNode node, String key) {
        Optional<String> entry = validator.text(node, "a file path relative to " + resolver.baseDirectory());
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Path file = resolver.resolve(entry.get());
        if (!Files.isRegularFile(file)) {
            validator.report("file-not-found", key + " file " + file + " does not exist; fix the path, which is "
                    + "relative to " + resolver.baseDirectory(), node);
            return Optional.empty();
        }
        return Optional.of(file);
    }

    Optional<Boolean> flag(Mapping mapping, String key) {
        Optional<LocatedNode> node = NodeValidator.optional(mapping, key);
        if (node.isEmpty()) {
            return Optional.of(false);
        }
        Optional<String> text = validator.text(node.get(), "true or false");
        if (text.isPresent() && !text.get().equals("true") && !text.get().equals("false")) {
            validator.report("wrong-type", key + " takes true or false, found \"" + text.get() + "\"", node.get());
            return Optional.empty();
        }
        return text.map(Boolean::parseBoolean);
    }

    private Optional<List<TemplatePolicy>> select(
            List<TemplatePolicy> all, String name, LocatedNode node, String template) {
        List<TemplatePolicy> byAddress = all.stream()
                .filter(policy -> policy.address().equals(template + "#" + name))
                .toList();
        List<TemplatePolicy> ofResource = all.stream().filter(policy -> policy.logicalId().equals(name)).toList();
        List<TemplatePolicy> identity = ofResource.stream()
                .filter(policy -> policy.kind() == PolicyKind.IDENTITY)
                .toList();
        List<TemplatePolicy> selected = !byAddress.isEmpty() ? byAddress : !identity.isEmpty() ? identity : ofResource;
        if (selected.isEmpty()) {
            validator.report("policy-not-found", "template " + template + " declares no policy in \"" + name
                    + "\"; use a logical id or address of one of its policies: " + String.join(", ", all.stream()
                            .map(policy -> policy.address().substring(template.length() + 1))
                            .toList()), node);
            return Optional.empty();
        }
        if (selected.size() > 1 && selected.get(0).kind() != PolicyKind.IDENTITY) {
            validator.report("several-policies", "\"" + name + "\" declares " + selected.size() + " policies; name "
                    + "one by its address, such as " + selected.get(0).address().substring(template.length() + 1),
                    node);
            return Optional.empty();
        }
        return Optional.of(selected);
    }

    private Optional<List<TemplatePolicy>> identityPolicies(List<TemplatePolicy> all, Mapping mapping, String name) {
        List<TemplatePolicy> identity = all.stream().filter(policy -> policy.kind() == PolicyKind.IDENTITY).toList();
        if (identity.isEmpty()) {
            validator.report("policy-not-found", "template " + name + " declares no identity policy; select a "
                    + "resource or trust policy with resource: <logical id>", mapping);
            return Optional.empty();
        }
        return Optional.of(identity);
    }

    /** Runs a template step and turns its problems into checks file problems, which point into the template. */
    private <T> Optional<T> convert(java.util.function.Supplier<T> step) {
        try {
            return Optional.of(step.get());
        } catch (TemplateException e) {
            e.problems().forEach(this::report);
            return Optional.empty();
        }
    }

    private void report(Problem problem) {
        var at = problem.location();
        validator.problems().add(new ChecksFileProblem(problem.code(), problem.message(), at.source(), at.line(),
                at.column(), at.pointer()));
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
