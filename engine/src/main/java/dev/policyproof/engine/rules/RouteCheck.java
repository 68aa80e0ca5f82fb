package dev.policyproof.engine.rules;

import dev.policyproof.engine.rules.BastionTopology.Reference;
import dev.policyproof.engine.template.TemplateResource;
import dev.policyproof.engine.template.TemplateValue;
import java.util.List;
import java.util.Optional;

/**
 * Follows a subnet to its route tables and reports routes to an internet gateway. A subnet without an association
 * uses the VPC's main route table, which has only the local route when the template creates the VPC.
 */
final class RouteCheck {

    private final BastionTopology topology;
    private final Findings findings;

    RouteCheck(BastionTopology topology, Findings findings) {
        this.topology = topology;
        this.findings = findings;
    }

    void check(TemplateResource bastion, TemplateResource subnet) {
        List<TemplateResource> associations = topology.template.resourcesOfType("AWS::EC2::SubnetRouteTableAssociation")
                .stream()
                .filter(association -> refersTo(association.property("SubnetId"), subnet.logicalId()))
                .toList();
        if (associations.isEmpty()) {
            checkMainRouteTable(bastion, subnet);
            return;
        }
        for (TemplateResource association : associations) {
            Reference table = new Reference(association.property("RouteTableId").orElse(association.properties()));
            if (table.unknown().isPresent()) {
                findings.undecided(association.logicalId(), table.unknown().get(), "the route table");
            } else if (table.logicalId().isEmpty()) {
                findings.undecided(association.logicalId(), table.value().location(), "route table "
                        + table.value().asText().orElse("?") + " is not declared in this template; declare it here");
            } else {
                checkRoutes(subnet, table.logicalId().get());
            }
        }
    }

    private void checkMainRouteTable(TemplateResource bastion, TemplateResource subnet) {
        Reference vpc = new Reference(subnet.property("VpcId").orElse(subnet.properties()));
        if (vpc.logicalId().isEmpty()) {
            findings.undecided(subnet.logicalId(), subnet.location(), "the subnet of " + bastion.logicalId()
                    + " has no route table association and its VPC is not declared here, so its main route table "
                    + "cannot be read; associate a route table in this template");
        }
    }

    private void checkRoutes(TemplateResource subnet, String table) {
        for (TemplateResource route : topology.template.resourcesOfType("AWS::EC2::Route")) {
            if (!refersTo(route.property("RouteTableId"), table)) {
                continue;
            }
            Optional<TemplateValue> gateway = route.property("GatewayId");
            if (gateway.isPresent() && gateway.get() instanceof TemplateValue.Unknown unknown) {
                findings.undecided(route.logicalId(), unknown, "GatewayId");
            } else if (gateway.isPresent() && isInternetGateway(gateway.get())) {
                findings.violation(route.logicalId(), gateway.get().location(), "route in " + table + ", the route "
                        + "table of subnet " + subnet.logicalId() + ", sends traffic to internet gateway "
                        + gateway.get().asText().orElse("?"));
            }
        }
    }

    private boolean isInternetGateway(TemplateValue gateway) {
        Optional<String> target = new Reference(gateway).logicalId();
        if (target.isPresent()) {
            return topology.template.resource(target.get())
                    .filter(resource -> resource.hasType("AWS::EC2::InternetGateway"))
                    .isPresent();
        }
        return gateway.asText().filter(id -> id.startsWith("igw-")).isPresent();
    }

    private static boolean refersTo(Optional<TemplateValue> value, String logicalId) {
        return value.map(Reference::new).flatMap(Reference::logicalId).filter(logicalId::equals).isPresent();
    }
}
