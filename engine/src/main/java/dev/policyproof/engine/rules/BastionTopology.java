package dev.policyproof.engine.rules;

import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.template.Template;
import dev.policyproof.engine.template.TemplateResource;
import dev.policyproof.engine.template.TemplateValue;
import dev.policyproof.engine.template.TemplateValue.Mapping;
import dev.policyproof.engine.template.TemplateValue.Scalar;
import dev.policyproof.engine.template.TemplateValue.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the bastion instances of a template and the resources around them: groups, subnets, routes, endpoints. */
final class BastionTopology {

    static final String INSTANCE = "AWS::EC2::Instance";
    static final String SECURITY_GROUP = "AWS::EC2::SecurityGroup";
    static final String INGRESS = "AWS::EC2::SecurityGroupIngress";
    static final String EGRESS = "AWS::EC2::SecurityGroupEgress";
    static final String ENDPOINT = "AWS::EC2::VPCEndpoint";

    /**
     * A security group rule, written inline in a group or as a resource of its own.
     *
     * @param owner the logical id of the group, or of the rule's own resource
     * @param location the inline rule, or the logical id of the rule's resource
     */
    record GroupRule(String owner, Mapping rule, SourceLocation location) {}

    /**
     * A reference to another resource: the logical id when it points into the template, else the value as given
     * (an external id) or the unknown value.
     */
    record Reference(TemplateValue value) {
        Optional<String> logicalId() {
            return value instanceof Scalar scalar ? Optional.ofNullable(scalar.resource()) : Optional.empty();
        }

        Optional<TemplateValue.Unknown> unknown() {
            return value instanceof TemplateValue.Unknown unknown ? Optional.of(unknown) : Optional.empty();
        }
    }

    final Template template;
    final BastionSelector selector;

    BastionTopology(Template template, BastionSelector selector) {
        this.template = template;
        this.selector = selector;
    }

    List<TemplateResource> bastions() {
        return template.resourcesOfType(INSTANCE).stream().filter(this::isBastion).toList();
    }

    /** Returns the instances whose tags cannot be read, so the pack cannot tell whether they are bastions. */
    List<TemplateResource> instancesWithUnknownTags() {
        return template.resourcesOfType(INSTANCE).stream()
                .filter(instance -> tagValue(instance).filter(TemplateValue.Unknown.class::isInstance).isPresent())
                .toList();
    }

    private boolean isBastion(TemplateResource instance) {
        return tagValue(instance).flatMap(TemplateValue::asText).filter(selector.tagValue()::equals).isPresent();
    }

    private Optional<TemplateValue> tagValue(TemplateResource instance) {
        for (TemplateValue tag : elements(instance.property("Tags"))) {
            if (tag instanceof Mapping mapping
                    && mapping.get("Key").flatMap(TemplateValue::asText).filter(selector.tagKey()::equals).isPresent()) {
                return mapping.get("Value");
            }
        }
        return Optional.empty();
    }

    /** Returns the security groups of an instance, from its own properties and its network interfaces. */
    List<Reference> groups(TemplateResource instance) {
        List<Reference> groups = new ArrayList<>();
        elements(instance.property("SecurityGroupIds")).forEach(value -> groups.add(new Reference(value)));
        elements(instance.property("SecurityGroups")).forEach(value -> groups.add(new Reference(value)));
        for (Mapping networkInterface : networkInterfaces(instance)) {
            elements(networkInterface.get("GroupSet")).forEach(value -> groups.add(new Reference(value)));
        }
        return groups;
    }

    List<Mapping> networkInterfaces(TemplateResource instance) {
        return elements(instance.property("NetworkInterfaces")).stream()
                .filter(Mapping.class::isInstance)
                .map(Mapping.class::cast)
                .toList();
    }

    Optional<Reference> subnet(TemplateResource instance) {
        Optional<TemplateValue> direct = instance.property("SubnetId");
        if (direct.isPresent()) {
            return Optional.of(new Reference(direct.get()));
        }
        return networkInterfaces(instance).stream()
                .map(networkInterface -> networkInterface.get("SubnetId"))
                .flatMap(Optional::stream)
                .findFirst()
                .map(Reference::new);
    }

    List<GroupRule> ingress(String group) {
        return rules(group, "SecurityGroupIngress", INGRESS);
    }

    List<GroupRule> egress(String group) {
        return rules(group, "SecurityGroupEgress", EGRESS);
    }

    private List<GroupRule> rules(String group, String property, String standaloneType) {
        List<GroupRule> rules = new ArrayList<>();
        template.resource(group).ifPresent(resource -> elements(resource.property(property)).stream()
                .filter(Mapping.class::isInstance)
                .forEach(rule -> rules.add(new GroupRule(group, (Mapping) rule, rule.location()))));
        for (TemplateResource standalone : template.resourcesOfType(standaloneType)) {
            if (new Reference(standalone.property("GroupId").orElse(standalone.properties())).logicalId()
                    .filter(group::equals).isPresent()) {
                rules.add(new GroupRule(standalone.logicalId(), standalone.properties(), standalone.location()));
            }
        }
        return rules;
    }

    /** Returns the standalone rules of {@code type} whose group cannot be known, which may belong to any group. */
    List<TemplateResource> rulesWithUnknownGroup(String type) {
        return template.resourcesOfType(type).stream()
                .filter(rule -> rule.property("GroupId").orElse(null) instanceof TemplateValue.Unknown)
                .toList();
    }

    /** Returns the interface and gateway endpoints of the template. */
    List<TemplateResource> endpoints() {
        return template.resourcesOfType(ENDPOINT);
    }

    static List<TemplateValue> elements(Optional<TemplateValue> value) {
        if (value.isEmpty()) {
            return List.of();
        }
        return value.get() instanceof Sequence sequence ? sequence.elements() : List.of(value.get());
    }

    static Optional<String> text(Mapping mapping, String key) {
        return mapping.get(key).flatMap(TemplateValue::asText);
    }
}
