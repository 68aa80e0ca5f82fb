package dev.policyproof.engine.rules;

import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.check.Expectation;
import dev.policyproof.engine.template.Template;
import dev.policyproof.engine.template.TemplateResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The bastion rule pack: runs the {@link BastionRule}s over a resolved template, on the instances that the
 * {@link BastionSelector} picks. Without such an instance every rule fails, because none of them could check
 * anything.
 */
public final class BastionRules {

    private BastionRules() {}

    /** Runs every rule of the pack over {@code template}. */
    public static List<RuleResult> check(Template template, BastionSelector selector) {
        return check(template, selector, List.of(BastionRule.values()));
    }

    /** Runs {@code rules} over {@code template}, in the order of the {@link BastionRule} constants. */
    public static List<RuleResult> check(Template template, BastionSelector selector, Collection<BastionRule> rules) {
        BastionTopology topology = new BastionTopology(template, selector);
        List<RuleResult> results = new ArrayList<>();
        for (BastionRule rule : BastionRule.values()) {
            if (rules.contains(rule)) {
                results.add(topology.bastions().isEmpty() ? noBastion(topology, rule) : run(topology, rule));
            }
        }
        return results;
    }

    /**
     * Returns one expectation per rule, for the checks file and reports: each passes or fails on its own and names
     * the rule id in its description.
     */
    public static List<Expectation> expectations(
            Template template, BastionSelector selector, Collection<BastionRule> rules) {
        return rules.stream()
                .sorted()
                .distinct()
                .<Expectation>map(rule -> new BastionRuleExpectation(template, selector, rule))
                .toList();
    }

    private static RuleResult run(BastionTopology topology, BastionRule rule) {
        NetworkRules network = new NetworkRules(topology);
        ServiceRules services = new ServiceRules(topology);
        return switch (rule) {
            case NO_INGRESS -> network.noIngress();
            case EGRESS_DECLARED -> network.egressDeclared();
            case NO_ALL_PORTS_TO_WORLD -> network.noAllPortsToWorld();
            case NO_HTTPS_TO_WORLD -> network.noHttpsToWorld();
            case NO_PUBLIC_IP -> network.noPublicIp();
            case PRIVATE_SUBNET -> network.privateSubnet();
            case NO_INTERNET_ROUTE -> network.noInternetRoute();
            case SESSION_ENDPOINTS -> services.sessionEndpoints();
            case LOGGING_ENDPOINTS -> services.loggingEndpoints();
            case DATABASE_SOURCES -> services.databaseSources();
            case SESSION_LOGGING -> services.sessionLogging();
            case SESSION_ENCRYPTION -> services.sessionEncryption();
            case MINIMAL_INSTANCE_ROLE -> new InstanceRoleRule(topology).check();
        };
    }

    private static RuleResult noBastion(BastionTopology topology, BastionRule rule) {
        Findings findings = new Findings(rule);
        for (TemplateResource instance : topology.instancesWithUnknownTags()) {
            findings.undecided(instance.logicalId(), instance.location(), "the tag " + topology.selector.tagKey()
                    + " of this instance is unknown, so it may be the bastion");
        }
        findings.violation("bastion", SourceLocation.generated(topology.template.name(), "/Resources"), "no "
                + "AWS::EC2::Instance tagged " + topology.selector + " in the template, so the rule checks nothing; "
                + "tag the bastion or select it by its tag");
        return findings.result();
    }
}
