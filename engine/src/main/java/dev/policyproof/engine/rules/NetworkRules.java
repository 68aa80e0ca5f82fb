package dev.policyproof.engine.rules;

import dev.policyproof.engine.rules.BastionTopology.GroupRule;
import dev.policyproof.engine.rules.BastionTopology.Reference;
import dev.policyproof.engine.template.TemplateResource;
import dev.policyproof.engine.template.TemplateValue;
import dev.policyproof.engine.template.TemplateValue.Mapping;
import java.util.List;
import java.util.Optional;

/** The rules on the bastion's security groups, public addresses and routes: PP-BASTION-001 to 007. */
final class NetworkRules {

    private final BastionTopology topology;

    NetworkRules(BastionTopology topology) {
        this.topology = topology;
    }

    /** Runs {@code check} on each bastion security group that the template declares; external groups are undecided. */
    private RuleResult perGroup(BastionRule rule, GroupCheck check) {
        Findings findings = new Findings(rule);
        for (TemplateResource bastion : topology.bastions()) {
            List<Reference> groups = topology.groups(bastion);
            if (groups.isEmpty()) {
                findings.violation(bastion.logicalId(), bastion.location(), "declares no security group, so it gets "
                        + "the VPC's default group, which admits its members and allows all outbound traffic");
            }
            for (Reference group : groups) {
                Optional<String> id = group.logicalId();
                if (group.unknown().isPresent()) {
                    findings.undecided(bastion.logicalId(), group.unknown().get(), "a security group of the bastion");
                } else if (id.isEmpty() || topology.template.resource(id.get()).isEmpty()) {
                    findings.undecided(bastion.logicalId(), group.value().location(), "security group "
                            + group.value().asText().orElse("?") + " is not declared in this template, so its rules "
                            + "cannot be read; declare it here");
                } else {
                    findings.examined(1);
                    check.apply(topology.template.resource(id.get()).orElseThrow(), findings);
                }
            }
        }
        return findings.result();
    }

    private interface GroupCheck {
        void apply(TemplateResource group, Findings findings);
    }

    RuleResult noIngress() {
        RuleResult result = perGroup(BastionRule.NO_INGRESS, (group, findings) -> {
            for (GroupRule rule : topology.ingress(group.logicalId())) {
                findings.violation(rule.owner(), rule.location(), "ingress rule on " + group.logicalId()
                        + " admits " + GroupRules.ports(rule.rule()) + " from " + source(rule.rule()));
            }
        });
        Findings unknownGroups = new Findings(BastionRule.NO_INGRESS);
        for (TemplateResource ingress : topology.rulesWithUnknownGroup(BastionTopology.INGRESS)) {
            unknownGroups.undecided(ingress.logicalId(), (TemplateValue.Unknown) ingress.property("GroupId")
                    .orElseThrow(), "the group of this ingress rule");
        }
        return merge(result, unknownGroups.result());
    }

    RuleResult egressDeclared() {
        return perGroup(BastionRule.EGRESS_DECLARED, (group, findings) -> {
            // CloudFormation removes the default allow-all rule once the group has an egress rule, inline or as an
            // AWS::EC2::SecurityGroupEgress resource.
            if (topology.egress(group.logicalId()).isEmpty()) {
                findings.violation(group.logicalId(), group.location(), "declares no egress rule, inline or as an "
                        + "AWS::EC2::SecurityGroupEgress, so it keeps the default rule that allows all outbound "
                        + "traffic");
            }
        });
    }

    RuleResult noAllPortsToWorld() {
        return perGroup(BastionRule.NO_ALL_PORTS_TO_WORLD, (group, findings) -> {
            for (GroupRule rule : topology.egress(group.logicalId())) {
                if (undecided(rule, findings)) {
                    continue;
                }
                Optional<String> world = GroupRules.worldCidr(rule.rule());
                if (world.isPresent() && GroupRules.allPorts(rule.rule())) {
                    findings.violation(rule.owner(), rule.location(), "egress rule on " + group.logicalId()
                            + " allows all ports to " + world.get());
                }
            }
        });
    }

    RuleResult noHttpsToWorld() {
        boolean interfaceEndpoints = topology.endpoints().stream()
                .anyMatch(endpoint -> endpoint.property("VpcEndpointType").flatMap(TemplateValue::asText)
                        .filter("Interface"::equals).isPresent());
        return perGroup(BastionRule.NO_HTTPS_TO_WORLD, (group, findings) -> {
            if (!interfaceEndpoints) {
                return;
            }
            for (GroupRule rule : topology.egress(group.logicalId())) {
                if (undecided(rule, findings)) {
                    continue;
                }
                Optional<String> world = GroupRules.worldCidr(rule.rule());
                if (world.isPresent() && !GroupRules.allPorts(rule.rule()) && GroupRules.coversTcpPort(rule.rule(), 443)) {
                    findings.violation(rule.owner(), rule.location(), "egress rule on " + group.logicalId()
                            + " allows " + GroupRules.ports(rule.rule()) + " to " + world.get() + " although the VPC "
                            + "has interface endpoints");
                }
            }
        });
    }

    RuleResult noPublicIp() {
        Findings findings = new Findings(BastionRule.NO_PUBLIC_IP);
        for (TemplateResource bastion : topology.bastions()) {
            findings.examined(1);
            for (Mapping networkInterface : topology.networkInterfaces(bastion)) {
                Optional<TemplateValue> associate = networkInterface.get("AssociatePublicIpAddress");
                if (associate.isPresent() && associate.get() instanceof TemplateValue.Unknown unknown) {
                    findings.undecided(bastion.logicalId(), unknown, "AssociatePublicIpAddress");
                } else if (associate.flatMap(TemplateValue::asText).filter("true"::equalsIgnoreCase).isPresent()) {
                    findings.violation(bastion.logicalId(), associate.get().location(), "network interface sets "
                            + "AssociatePublicIpAddress: true, so the bastion gets a public IPv4 address");
                }
            }
        }
        return findings.result();
    }

    RuleResult privateSubnet() {
        Findings findings = new Findings(BastionRule.PRIVATE_SUBNET);
        for (TemplateResource bastion : topology.bastions()) {
            findings.examined(1);
            if (declinesPublicIp(bastion)) {
                continue;
            }
            Optional<TemplateResource> subnet = subnet(bastion, findings);
            if (subnet.isEmpty()) {
                continue;
            }
            Optional<TemplateValue> map = subnet.get().property("MapPublicIpOnLaunch");
            if (map.isPresent() && map.get() instanceof TemplateValue.Unknown unknown) {
                findings.undecided(subnet.get().logicalId(), unknown, "MapPublicIpOnLaunch");
            } else if (map.flatMap(TemplateValue::asText).filter("true"::equalsIgnoreCase).isPresent()) {
                findings.violation(subnet.get().logicalId(), map.get().location(), "subnet of " + bastion.logicalId()
                        + " sets MapPublicIpOnLaunch: true, and the instance does not decline a public address");
            }
        }
        return findings.result();
    }

    RuleResult noInternetRoute() {
        Findings findings = new Findings(BastionRule.NO_INTERNET_ROUTE);
        for (TemplateResource bastion : topology.bastions()) {
            subnet(bastion, findings).ifPresent(subnet -> {
                findings.examined(1);
                new RouteCheck(topology, findings).check(bastion, subnet);
            });
        }
        return findings.result();
    }

    /** Returns whether every network interface sets {@code AssociatePublicIpAddress: false}, which wins over the subnet. */
    private boolean declinesPublicIp(TemplateResource bastion) {
        List<Mapping> interfaces = topology.networkInterfaces(bastion);
        return !interfaces.isEmpty() && interfaces.stream().allMatch(networkInterface -> networkInterface
                .get("AssociatePublicIpAddress").flatMap(TemplateValue::asText)
                .filter("false"::equalsIgnoreCase).isPresent());
    }

    private Optional<TemplateResource> subnet(TemplateResource bastion, Findings findings) {
        Optional<Reference> subnet = topology.subnet(bastion);
        if (subnet.isEmpty()) {
            findings.violation(bastion.logicalId(), bastion.location(), "names no subnet, so it launches into a "
                    + "default subnet, which assigns public IPv4 addresses and routes to an internet gateway");
            return Optional.empty();
        }
        if (subnet.get().unknown().isPresent()) {
            findings.undecided(bastion.logicalId(), subnet.get().unknown().get(), "the bastion's subnet");
            return Optional.empty();
        }
        Optional<TemplateResource> resource = subnet.get().logicalId().flatMap(topology.template::resource);
        if (resource.isEmpty()) {
            findings.undecided(bastion.logicalId(), subnet.get().value().location(), "subnet "
                    + subnet.get().value().asText().orElse("?") + " is not declared in this template; declare it here");
        }
        return resource;
    }

    private static boolean undecided(GroupRule rule, Findings findings) {
        Optional<TemplateValue.Unknown> unknown = GroupRules.unknownPart(rule.rule());
        unknown.ifPresent(value -> findings.undecided(rule.owner(), value, "a value of this security group rule"));
        return unknown.isPresent();
    }

    private static String source(Mapping rule) {
        Optional<String> address = GroupRules.addressPeer(rule);
        if (address.isPresent()) {
            return address.get();
        }
        return rule.get("SourceSecurityGroupId")
                .map(value -> "security group " + (value instanceof TemplateValue.Scalar scalar
                        && scalar.resource() != null ? scalar.resource() : value.asText().orElse("?")))
                .orElse("an unnamed source");
    }

    private static RuleResult merge(RuleResult first, RuleResult second) {
        List<RuleViolation> violations = new java.util.ArrayList<>(first.violations());
        violations.addAll(second.violations());
        return new RuleResult(first.rule(), first.resourcesExamined(), violations);
    }
}
