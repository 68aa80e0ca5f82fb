package dev.policyproof.engine.rules;

import dev.policyproof.engine.template.TemplateValue;
import dev.policyproof.engine.template.TemplateValue.Mapping;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads the ports, protocol and peers of security group rules, as AWS::EC2::SecurityGroup documents them. */
final class GroupRules {

    private static final List<String> PEER_KEYS = List.of("IpProtocol", "FromPort", "ToPort", "CidrIp", "CidrIpv6",
            "SourceSecurityGroupId", "DestinationSecurityGroupId", "SourcePrefixListId", "DestinationPrefixListId");

    private GroupRules() {}

    /** Returns the first value of the rule that is unknown, which leaves the rule's meaning open. */
    static Optional<TemplateValue.Unknown> unknownPart(Mapping rule) {
        return PEER_KEYS.stream()
                .map(rule::get)
                .flatMap(Optional::stream)
                .filter(TemplateValue.Unknown.class::isInstance)
                .map(TemplateValue.Unknown.class::cast)
                .findFirst();
    }

    /** Returns whether the rule covers every port: protocol -1 (all traffic), or ports 0 to 65535. */
    static boolean allPorts(Mapping rule) {
        String protocol = BastionTopology.text(rule, "IpProtocol").orElse("");
        if (protocol.equals("-1") || protocol.equalsIgnoreCase("all")) {
            return true;
        }
        OptionalInt from = port(rule, "FromPort");
        OptionalInt to = port(rule, "ToPort");
        return from.isPresent() && to.isPresent() && from.getAsInt() <= 0 && to.getAsInt() >= 65535;
    }

    /** Returns whether the rule covers TCP port {@code port}. */
    static boolean coversTcpPort(Mapping rule, int port) {
        if (allPorts(rule)) {
            return true;
        }
        String protocol = BastionTopology.text(rule, "IpProtocol").orElse("");
        if (!protocol.equalsIgnoreCase("tcp") && !protocol.equals("6")) {
            return false;
        }
        OptionalInt from = port(rule, "FromPort");
        OptionalInt to = port(rule, "ToPort");
        return from.isPresent() && to.isPresent() && from.getAsInt() <= port && port <= to.getAsInt();
    }

    /** Returns the world CIDR the rule names, {@code 0.0.0.0/0} or {@code ::/0}, if any. */
    static Optional<String> worldCidr(Mapping rule) {
        Optional<String> v4 = BastionTopology.text(rule, "CidrIp").filter("0.0.0.0/0"::equals);
        return v4.isPresent() ? v4 : BastionTopology.text(rule, "CidrIpv6").filter("::/0"::equals);
    }

    /** Returns the CIDR or prefix list the rule names as its source or destination, if any. */
    static Optional<String> addressPeer(Mapping rule) {
        for (String key : List.of("CidrIp", "CidrIpv6", "SourcePrefixListId", "DestinationPrefixListId")) {
            Optional<String> value = BastionTopology.text(rule, key);
            if (value.isPresent()) {
                return Optional.of(key + " " + value.get());
            }
        }
        return Optional.empty();
    }

    /** Describes the rule's protocol and ports as a message prints them. */
    static String ports(Mapping rule) {
        if (allPorts(rule)) {
            return "all ports";
        }
        String protocol = BastionTopology.text(rule, "IpProtocol").orElse("?");
        String from = BastionTopology.text(rule, "FromPort").orElse("?");
        String to = BastionTopology.text(rule, "ToPort").orElse("?");
        return protocol + " " + (from.equals(to) ? "port " + from : "ports " + from + "-" + to);
    }

    private static OptionalInt port(Mapping rule, String key) {
        Optional<String> text = BastionTopology.text(rule, key);
        if (text.isEmpty() || !text.get().matches("-?\\d+")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(text.get()));
    }
}
