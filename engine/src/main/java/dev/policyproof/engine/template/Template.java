package dev.policyproof.engine.template;

import dev.policyproof.engine.Problem;
import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.template.TemplateValue.Entry;
import dev.policyproof.engine.template.TemplateValue.Mapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CloudFormation template with every resource's properties resolved. Resources whose {@code Condition} is false
 * are left out, because the stack does not create them; a resource whose condition depends on an unknown value is
 * kept, so that rules see what the stack may create.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html">Template
 *     section reference</a>
 */
public final class Template {

    private final String name;
    private final Map<String, TemplateResource> resources;
    private final Map<String, String> undecided;

    private Template(String name, Map<String, TemplateResource> resources, Map<String, String> undecided) {
        this.name = name;
        this.resources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resources));
        this.undecided = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(undecided));
    }

    /**
     * Returns the condition that decides whether resource {@code logicalId} is created, when that condition depends
     * on a value without a known value; empty when the resource is created for sure.
     */
    public Optional<String> undecidedCondition(String logicalId) {
        return Optional.ofNullable(undecided.get(logicalId));
    }

    /**
     * Reads the template {@code file}, named {@code name} in messages and policy addresses.
     *
     * @throws TemplateException if the template is not valid or an intrinsic function call is invalid
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Template read(Path file, String name, TemplateSettings settings) {
        try {
            return parse(name, Files.readString(file, StandardCharsets.UTF_8), settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses {@code text} as the template {@code name}; a name ending in {@code .json} selects the JSON parser.
     *
     * @throws TemplateException if the template is not valid or an intrinsic function call is invalid
     */
    public static Template parse(String name, String text, TemplateSettings settings) {
        TemplateValue root = TemplateTreeReader.read(name, text);
        if (!(root instanceof Mapping mapping)) {
            throw problem("invalid-template", "a template is a map of sections such as Resources, found "
                    + root.typeName(), root.location());
        }
        Map<String, Mapping> definitions = definitions(mapping);
        String stackName = settings.explicitStackName().orElse(baseName(name));
        IntrinsicResolver resolver = new IntrinsicResolver(mapping, definitions, settings, stackName);
        Map<String, TemplateResource> resources = new LinkedHashMap<>();
        Map<String, String> undecided = new LinkedHashMap<>();
        Mapping section = (Mapping) mapping.get("Resources").orElseThrow();
        for (Entry entry : section.entries().values()) {
            resolveResource(entry, definitions.get(entry.key()), resolver, undecided)
                    .ifPresent(r -> resources.put(r.logicalId(), r));
        }
        if (!resolver.problems().isEmpty()) {
            throw new TemplateException(resolver.problems());
        }
        return new Template(name, resources, undecided);
    }

    private static Map<String, Mapping> definitions(Mapping root) {
        Optional<TemplateValue> section = root.get("Resources");
        if (section.isEmpty() || !(section.get() instanceof Mapping resources) || resources.entries().isEmpty()) {
            throw problem("no-resources", "the template declares no Resources; a template needs at least one",
                    section.map(TemplateValue::location).orElse(root.location()));
        }
        Map<String, Mapping> definitions = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Entry entry : resources.entries().values()) {
            if (entry.value() instanceof Mapping definition && definition.get("Type").flatMap(TemplateValue::asText)
                    .isPresent()) {
                definitions.put(entry.key(), definition);
            } else {
                problems.add(new Problem("invalid-resource", "resource " + entry.key() + " needs a Type, such as "
                        + "Type: AWS::IAM::Role", entry.keyLocation()));
            }
        }
        if (!problems.isEmpty()) {
            throw new TemplateException(problems);
        }
        return definitions;
    }

    private static Optional<TemplateResource> resolveResource(
            Entry entry, Mapping definition, IntrinsicResolver resolver, Map<String, String> undecided) {
        Optional<String> condition = definition.get("Condition").flatMap(TemplateValue::asText);
        if (condition.isPresent()) {
            Boolean holds = resolver.condition(condition.get(), entry.keyLocation());
            if (holds == null) {
                // Whether the resource is created is unknown: it is kept and marked, and policies read from it fail.
                undecided.put(entry.key(), condition.get());
            } else if (!holds) {
                return Optional.empty();
            }
        }
        String type = definition.get("Type").flatMap(TemplateValue::asText).orElseThrow();
        TemplateValue properties = definition.get("Properties")
                .map(resolver::resolve)
                .orElse(new Mapping(Map.of(), entry.keyLocation()));
        if (!(properties instanceof Mapping mapping)) {
            resolver.problem("invalid-resource", "Properties of " + entry.key() + " must be a map, found "
                    + properties.typeName(), properties.location());
            return Optional.empty();
        }
        return Optional.of(new TemplateResource(entry.key(), type, mapping, entry.keyLocation()));
    }

    private static String baseName(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private static TemplateException problem(String code, String message, SourceLocation location) {
        return new TemplateException(List.of(new Problem(code, message, location)));
    }

    /** Returns the template's name as messages print it, usually its path relative to the project. */
    public String name() {
        return name;
    }

    /** Returns the resources by logical id, in template order. */
    public Map<String, TemplateResource> resources() {
        return resources;
    }

    public Optional<TemplateResource> resource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId));
    }

    /** Returns the resources of {@code type}, in template order. */
    public List<TemplateResource> resourcesOfType(String type) {
        return resources.values().stream().filter(resource -> resource.hasType(type)).toList();
    }
}
