package dev.policyproof.engine.rules;

import dev.policyproof.engine.rules.BastionTopology.GroupRule;
import dev.policyproof.engine.rules.BastionTopology.Reference;
import dev.policyproof.engine.template.TemplateResource;
import dev.policyproof.engine.template.TemplateValue;
import dev.policyproof.engine.template.TemplateValue.Mapping;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The rules on endpoints, the database's sources and the session preferences: PP-BASTION-008 to 012. */
final class ServiceRules {

    static final String SESSION_PREFERENCES = "SSM-SessionManagerRunShell";

    private final BastionTopology topology;

    ServiceRules(BastionTopology topology) {
        this.topology = topology;
    }

    RuleResult sessionEndpoints() {
        Findings findings = new Findings(BastionRule.SESSION_ENDPOINTS);
        findings.examined(topology.endpoints().size());
        for (String service : List.of("ssm", "ssmmessages", "ec2messages")) {
            requireEndpoint(findings, service, true);
        }
        return findings.result();
    }

    RuleResult loggingEndpoints() {
        Findings findings = new Findings(BastionRule.LOGGING_ENDPOINTS);
        for (TemplateResource document : sessionDocuments()) {
            findings.examined(1);
            Optional<Mapping> inputs = inputs(document, findings);
            if (inputs.isEmpty()) {
                continue;
            }
            if (isSet(inputs.get(), "cloudWatchLogGroupName")) {
                requireEndpoint(findings, "logs", true);
            }
            if (isSet(inputs.get(), "kmsKeyId")) {
                requireEndpoint(findings, "kms", true);
            }
            if (isSet(inputs.get(), "s3BucketName")) {
                requireEndpoint(findings, "s3", false);
            }
        }
        return findings.result();
    }

    /**
     * Reports a missing endpoint for {@code service} unless one endpoint serves it well; {@code interfaceOnly}
     * rejects a gateway endpoint. A misconfigured endpoint is reported only when no other endpoint serves.
     */
    private void requireEndpoint(Findings findings, String service, boolean interfaceOnly) {
        RuleViolation firstProblem = null;
        for (TemplateResource endpoint : topology.endpoints()) {
            Optional<TemplateValue> name = endpoint.property("ServiceName");
            if (name.isPresent() && name.get() instanceof TemplateValue.Unknown unknown) {
                findings.undecided(endpoint.logicalId(), unknown, "ServiceName");
                return;
            }
            if (name.flatMap(TemplateValue::asText).filter(text -> text.endsWith("." + service)).isEmpty()) {
                continue;
            }
            String type = endpoint.property("VpcEndpointType").flatMap(TemplateValue::asText).orElse("Gateway");
            boolean privateDns = endpoint.property("PrivateDnsEnabled").flatMap(TemplateValue::asText)
                    .filter("true"::equalsIgnoreCase).isPresent();
            if ((type.equals("Interface") && privateDns) || (!interfaceOnly && type.equals("Gateway"))) {
                return;
            }
            if (firstProblem == null) {
                String problem = type.equals("Interface")
                        ? "does not set PrivateDnsEnabled: true, so the agent resolves the public " + service
                                + " endpoint"
                        : "is a " + type + " endpoint, but " + service + " needs an Interface endpoint";
                firstProblem = new RuleViolation(findings.rule(), endpoint.logicalId(), endpoint.location(),
                        "endpoint for " + service + " " + problem, false);
            }
        }
        if (firstProblem != null) {
            findings.violation(firstProblem.logicalId(), firstProblem.location(), firstProblem.message());
            return;
        }
        TemplateResource bastion = bastion();
        findings.violation(bastion.logicalId(), bastion.location(), "no " + (interfaceOnly ? "interface" : "gateway "
                + "or interface") + " endpoint for com.amazonaws.<region>." + service + " in the template, which the "
                + "bastion needs");
    }

    RuleResult databaseSources() {
        Findings findings = new Findings(BastionRule.DATABASE_SOURCES);
        Set<String> bastionGroups = bastionGroups();
        for (String group : databaseGroups(findings)) {
            findings.examined(1);
            for (GroupRule rule : topology.ingress(group)) {
                checkDatabaseRule(rule, group, bastionGroups, findings);
            }
        }
        return findings.result();
    }

    private void checkDatabaseRule(GroupRule rule, String group, Set<String> bastionGroups, Findings findings) {
        Optional<TemplateValue.Unknown> unknown = GroupRules.unknownPart(rule.rule());
        if (unknown.isPresent()) {
            findings.undecided(rule.owner(), unknown.get(), "a source of database group " + group);
            return;
        }
        Optional<String> address = GroupRules.addressPeer(rule.rule());
        if (address.isPresent()) {
            findings.violation(rule.owner(), rule.location(), "database group " + group + " admits "
                    + GroupRules.ports(rule.rule()) + " from " + address.get() + ", an address range rather than the "
                    + "bastion's group");
            return;
        }
        Optional<String> source = rule.rule().get("SourceSecurityGroupId").map(Reference::new)
                .flatMap(Reference::logicalId);
        if (source.isEmpty() || !bastionGroups.contains(source.get())) {
            String name = source.orElse(BastionTopology.text(rule.rule(), "SourceSecurityGroupId")
                    .orElse("a source other than a security group"));
            findings.violation(rule.owner(), rule.location(), "database group " + group + " admits "
                    + GroupRules.ports(rule.rule()) + " from " + name + ", which is not a bastion security group");
        }
    }

    private Set<String> bastionGroups() {
        Set<String> groups = new LinkedHashSet<>();
        for (TemplateResource bastion : topology.bastions()) {
            topology.groups(bastion).forEach(group -> group.logicalId().ifPresent(groups::add));
        }
        return groups;
    }

    /** Returns the security groups of the template's RDS instances and clusters that the template declares. */
    private Set<String> databaseGroups(Findings findings) {
        Set<String> groups = new LinkedHashSet<>();
        for (String type : List.of("AWS::RDS::DBInstance", "AWS::RDS::DBCluster")) {
            for (TemplateResource database : topology.template.resourcesOfType(type)) {
                for (String property : List.of("VPCSecurityGroups", "VpcSecurityGroupIds")) {
                    for (TemplateValue value : BastionTopology.elements(database.property(property))) {
                        Reference group = new Reference(value);
                        if (group.unknown().isPresent()) {
                            findings.undecided(database.logicalId(), group.unknown().get(), "a database security group");
                        } else if (group.logicalId().isPresent()) {
                            groups.add(group.logicalId().get());
                        } else {
                            findings.undecided(database.logicalId(), value.location(), "security group "
                                    + value.asText().orElse("?") + " is not declared in this template; declare it "
                                    + "here");
                        }
                    }
                }
            }
        }
        return groups;
    }

    RuleResult sessionLogging() {
        Findings findings = new Findings(BastionRule.SESSION_LOGGING);
        List<TemplateResource> documents = sessionDocuments();
        if (documents.isEmpty()) {
            TemplateResource bastion = bastion();
            findings.violation(bastion.logicalId(), bastion.location(), "no AWS::SSM::Document with DocumentType: "
                    + "Session in the template, so Session Manager keeps no log of sessions on the bastion");
        }
        for (TemplateResource document : documents) {
            findings.examined(1);
            Optional<Mapping> inputs = inputs(document, findings);
            if (inputs.isEmpty()) {
                continue;
            }
            Optional<TemplateValue.Unknown> unknown = unknown(inputs.get(), "s3BucketName", "cloudWatchLogGroupName");
            if (unknown.isPresent()) {
                findings.undecided(document.logicalId(), unknown.get(), "the log destination");
            } else if (!isSet(inputs.get(), "s3BucketName") && !isSet(inputs.get(), "cloudWatchLogGroupName")) {
                findings.violation(document.logicalId(), inputs.get().location(), "session preferences set neither "
                        + "s3BucketName nor cloudWatchLogGroupName, so no session is logged");
            }
        }
        return findings.result();
    }

    RuleResult sessionEncryption() {
        Findings findings = new Findings(BastionRule.SESSION_ENCRYPTION);
        for (TemplateResource document : sessionDocuments()) {
            findings.examined(1);
            Optional<Mapping> inputs = inputs(document, findings);
            if (inputs.isEmpty()) {
                continue;
            }
            Mapping values = inputs.get();
            Optional<TemplateValue.Unknown> unknown = unknown(values, "kmsKeyId", "s3EncryptionEnabled",
                    "cloudWatchEncryptionEnabled");
            if (unknown.isPresent()) {
                findings.undecided(document.logicalId(), unknown.get(), "an encryption setting");
                continue;
            }
            if (!isSet(values, "kmsKeyId")) {
                findings.violation(document.logicalId(), values.location(), "session preferences set no kmsKeyId, "
                        + "so session data is not encrypted with a KMS key");
            }
            requireTrue(document, values, "s3BucketName", "s3EncryptionEnabled", findings);
            requireTrue(document, values, "cloudWatchLogGroupName", "cloudWatchEncryptionEnabled", findings);
        }
        return findings.result();
    }

    private static void requireTrue(
            TemplateResource document, Mapping inputs, String destination, String flag, Findings findings) {
        if (isSet(inputs, destination) && BastionTopology.text(inputs, flag).filter("true"::equalsIgnoreCase).isEmpty()) {
            findings.violation(document.logicalId(), inputs.get(flag).map(TemplateValue::location)
                    .orElse(inputs.location()), "session preferences log to " + destination + " without " + flag
                    + ": true");
        }
    }

    /** Returns the first bastion, where messages about a resource the template lacks point. */
    private TemplateResource bastion() {
        return topology.bastions().get(0);
    }

    List<TemplateResource> sessionDocuments() {
        return topology.template.resourcesOfType("AWS::SSM::Document").stream()
                .filter(document -> document.property("DocumentType").flatMap(TemplateValue::asText)
                        .filter("Session"::equals).isPresent())
                .toList();
    }

    private static Optional<Mapping> inputs(TemplateResource document, Findings findings) {
        Optional<TemplateValue> content = document.property("Content");
        if (content.isPresent() && content.get() instanceof TemplateValue.Scalar) {
            // NOTE: Content written as a JSON string is not parsed yet, so rules on it stay undecided.
            findings.undecided(document.logicalId(), content.get().location(), "Content written as a JSON string "
                    + "is not read; write it as a map");
            return Optional.empty();
        }
        Optional<TemplateValue.Entry> entry = content.filter(Mapping.class::isInstance)
                .map(value -> ((Mapping) value).entries().get("inputs"));
        Optional<TemplateValue> inputs = entry.map(TemplateValue.Entry::value);
        if (inputs.isPresent() && inputs.get() instanceof TemplateValue.Unknown unknown) {
            findings.undecided(document.logicalId(), unknown, "the session preferences");
            return Optional.empty();
        }
        if (inputs.isEmpty() || !(inputs.get() instanceof Mapping mapping)) {
            findings.violation(document.logicalId(), document.location(), "the Session document has no inputs map, "
                    + "so no preference is set");
            return Optional.empty();
        }
        // Messages about the preferences as a whole point at the "inputs" key rather than at its first entry.
        return Optional.of(new Mapping(mapping.entries(), entry.orElseThrow().keyLocation()));
    }

    private static boolean isSet(Mapping inputs, String key) {
        return BastionTopology.text(inputs, key).filter(text -> !text.isBlank()).isPresent();
    }

    private static Optional<TemplateValue.Unknown> unknown(Mapping inputs, String... keys) {
        for (String key : keys) {
            if (inputs.get(key).orElse(null) instanceof TemplateValue.Unknown unknown) {
                return Optional.of(unknown);
            }
        }
        return Optional.empty();
    }
}
