package dev.policyproof.engine.rules;

import dev.policyproof.engine.rules.BastionTopology.Reference;
import dev.policyproof.engine.template.TemplateResource;
import dev.policyproof.engine.template.TemplateValue;
import dev.policyproof.engine.template.TemplateValue.Mapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PP-BASTION-013: the bastion's instance role grants only the SSM Agent's actions and those of session logging, or
 * the AWS managed policy AmazonSSMManagedInstanceCore. The action list follows the instance profile permissions that
 * the Session Manager chapter of the AWS Systems Manager User Guide gives, plus the ec2messages actions of
 * AmazonSSMManagedInstanceCore.
 */
final class InstanceRoleRule {

    static final String MANAGED_CORE = ":iam::aws:policy/AmazonSSMManagedInstanceCore";

    /** The agent's ssm, ssmmessages and ec2messages actions, and the S3, CloudWatch Logs and KMS logging actions. */
    static final Set<String> ALLOWED_ACTIONS = Set.of(
            "ssm:updateinstanceinformation",
            "ssmmessages:createcontrolchannel",
            "ssmmessages:createdatachannel",
            "ssmmessages:opencontrolchannel",
            "ssmmessages:opendatachannel",
            "ec2messages:acknowledgemessage",
            "ec2messages:deletemessage",
            "ec2messages:failmessage",
            "ec2messages:getendpoint",
            "ec2messages:getmessages",
            "ec2messages:sendreply",
            "s3:putobject",
            "s3:getencryptionconfiguration",
            "logs:createlogstream",
            "logs:putlogevents",
            "logs:describeloggroups",
            "logs:describelogstreams",
            "kms:decrypt",
            "kms:generatedatakey");

    private final BastionTopology topology;
    private final Findings findings = new Findings(BastionRule.MINIMAL_INSTANCE_ROLE);

    InstanceRoleRule(BastionTopology topology) {
        this.topology = topology;
    }

    RuleResult check() {
        for (TemplateResource bastion : topology.bastions()) {
            findings.examined(1);
            bastion.property("IamInstanceProfile").map(Reference::new)
                    .flatMap(profile -> resolve(bastion, profile, "instance profile"))
                    .ifPresent(this::checkProfile);
        }
        return findings.result();
    }

    private void checkProfile(TemplateResource profile) {
        for (TemplateValue value : BastionTopology.elements(profile.property("Roles"))) {
            resolve(profile, new Reference(value), "role").ifPresent(this::checkRole);
        }
    }

    private void checkRole(TemplateResource role) {
        findings.examined(1);
        for (TemplateValue arn : BastionTopology.elements(role.property("ManagedPolicyArns"))) {
            checkManagedPolicy(role, arn);
        }
        for (TemplateValue inline : BastionTopology.elements(role.property("Policies"))) {
            if (inline instanceof Mapping mapping) {
                mapping.get("PolicyDocument").ifPresent(document -> checkDocument(role.logicalId(), document));
            }
        }
        for (String type : List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")) {
            for (TemplateResource policy : topology.template.resourcesOfType(type)) {
                boolean attached = BastionTopology.elements(policy.property("Roles")).stream()
                        .map(Reference::new)
                        .anyMatch(reference -> reference.logicalId().filter(role.logicalId()::equals).isPresent());
                if (attached) {
                    policy.property("PolicyDocument").ifPresent(document -> checkDocument(policy.logicalId(), document));
                }
            }
        }
    }

    private void checkManagedPolicy(TemplateResource role, TemplateValue arn) {
        Reference reference = new Reference(arn);
        if (reference.unknown().isPresent()) {
            findings.undecided(role.logicalId(), reference.unknown().get(), "a managed policy ARN");
            return;
        }
        Optional<TemplateResource> declared = reference.logicalId().flatMap(topology.template::resource);
        if (declared.isPresent()) {
            declared.get().property("PolicyDocument").ifPresent(document ->
                    checkDocument(declared.get().logicalId(), document));
            return;
        }
        String text = arn.asText().orElse("?");
        if (!text.endsWith(MANAGED_CORE)) {
            findings.violation(role.logicalId(), arn.location(), "instance role attaches managed policy " + text
                    + ", which grants more than the SSM Agent needs");
        }
    }

    private void checkDocument(String owner, TemplateValue document) {
        if (document instanceof TemplateValue.Scalar) {
            // NOTE: a policy written as a JSON string is not read here, so the rule stays undecided on it.
            findings.undecided(owner, document.location(), "a policy written as a JSON string is not read by this "
                    + "rule; write it as a map");
            return;
        }
        Optional<TemplateValue> statements = document instanceof Mapping mapping
                ? mapping.get("Statement") : Optional.empty();
        for (TemplateValue statement : BastionTopology.elements(statements)) {
            if (statement instanceof Mapping mapping && BastionTopology.text(mapping, "Effect")
                    .filter("Allow"::equals).isPresent()) {
                checkStatement(owner, mapping);
            }
        }
    }

    private void checkStatement(String owner, Mapping statement) {
        if (statement.get("NotAction").isPresent()) {
            findings.violation(owner, statement.location(), "an Allow statement with NotAction grants every action "
                    + "it does not list");
            return;
        }
        List<String> extra = new ArrayList<>();
        for (TemplateValue action : BastionTopology.elements(statement.get("Action"))) {
            if (action instanceof TemplateValue.Unknown unknown) {
                findings.undecided(owner, unknown, "an action of the instance role");
            } else if (!ALLOWED_ACTIONS.contains(action.asText().orElse("").toLowerCase(Locale.ROOT))) {
                extra.add(action.asText().orElse(action.typeName()));
            }
        }
        if (!extra.isEmpty()) {
            findings.violation(owner, statement.location(), "instance role allows " + String.join(", ", extra)
                    + ", beyond what the SSM Agent and session logging need");
        }
    }

    private Optional<TemplateResource> resolve(TemplateResource from, Reference reference, String what) {
        if (reference.unknown().isPresent()) {
            findings.undecided(from.logicalId(), reference.unknown().get(), "the " + what);
            return Optional.empty();
        }
        Optional<TemplateResource> resource = reference.logicalId().flatMap(topology.template::resource);
        if (resource.isEmpty()) {
            findings.undecided(from.logicalId(), reference.value().location(), what + " "
                    + reference.value().asText().orElse("?") + " is not declared in this template; declare it here");
        }
        return resource;
    }
}
