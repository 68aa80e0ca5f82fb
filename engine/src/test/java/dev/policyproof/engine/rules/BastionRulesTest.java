package dev.policyproof.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.check.CheckResult;
import dev.policyproof.engine.check.Expectation;
import dev.policyproof.engine.template.Template;
import dev.policyproof.engine.template.TemplatePolicies;
import dev.policyproof.engine.template.TemplateSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BastionRulesTest {

    private static final String GOOD = read();

    private static String read() {
        try {
            return Files.readString(Path.of("src/test/resources/templates/bastion.yaml"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<RuleResult> check(String text) {
        return BastionRules.check(Template.parse("bastion.yaml", text, TemplateSettings.DEFAULT),
                BastionSelector.DEFAULT);
    }

    private static String replace(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    /** Returns the 1-based line of the first occurrence of {@code marker} in {@code text}. */
    private static int lineOf(String text, String marker) {
        int index = text.indexOf(marker);
        assertThat(index).as("marker %s", marker).isNotNegative();
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void sample_template_passes_every_rule() {
        List<RuleResult> results = check(GOOD);

        assertThat(results).hasSize(BastionRule.values().length);
        assertThat(results).allSatisfy(result -> assertThat(result.violations()).as(result.rule().id()).isEmpty());
    }

    @Test
    void sample_template_declares_engineer_policy() {
        Template template = Template.parse("bastion.yaml", GOOD, TemplateSettings.DEFAULT);

        assertThat(TemplatePolicies.extract(template, false))
                .extracting(policy -> policy.address())
                .contains("bastion.yaml#EngineerPolicy/Properties/PolicyDocument");
    }

    static Stream<Arguments> badVariants() {
        return Stream.of(
                Arguments.of("ingress from a CIDR", "PP-BASTION-001",
                        "      GroupDescription: Bastion, reached through Session Manager only\n",
                        "      GroupDescription: Bastion, reached through Session Manager only\n"
                                + "      SecurityGroupIngress:\n"
                                + "        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/8}\n",
                        "- {IpProtocol: tcp, FromPort: 22"),
                Arguments.of("no egress rules", "PP-BASTION-002",
                        "GroupId: !Ref BastionSecurityGroup", "GroupId: !Ref DatabaseSecurityGroup",
                        "  BastionSecurityGroup:"),
                Arguments.of("all ports to the world", "PP-BASTION-003",
                        "      DestinationSecurityGroupId: !Ref EndpointSecurityGroup",
                        "      CidrIp: 0.0.0.0/0\n  BastionToWorld:\n    Type: AWS::EC2::SecurityGroupEgress\n"
                                + "    Properties:\n      GroupId: !Ref BastionSecurityGroup\n"
                                + "      IpProtocol: '-1'\n      CidrIpv6: ::/0",
                        "  BastionToWorld:"),
                Arguments.of("https to the world", "PP-BASTION-004",
                        "      DestinationSecurityGroupId: !Ref EndpointSecurityGroup", "      CidrIp: 0.0.0.0/0",
                        "  BastionToEndpoints:"),
                Arguments.of("public IP", "PP-BASTION-005",
                        "AssociatePublicIpAddress: false", "AssociatePublicIpAddress: true",
                        "AssociatePublicIpAddress: true"),
                Arguments.of("public subnet", "PP-BASTION-006",
                        "      CidrBlock: 10.0.1.0/24\n",
                        "      CidrBlock: 10.0.1.0/24\n      MapPublicIpOnLaunch: true\n",
                        "MapPublicIpOnLaunch: true"),
                Arguments.of("route to an internet gateway", "PP-BASTION-007",
                        "  BastionSecurityGroup:\n",
                        "  Gateway:\n    Type: AWS::EC2::InternetGateway\n"
                                + "  DefaultRoute:\n    Type: AWS::EC2::Route\n    Properties:\n"
                                + "      RouteTableId: !Ref PrivateRouteTable\n"
                                + "      DestinationCidrBlock: 0.0.0.0/0\n      GatewayId: !Ref Gateway\n"
                                + "  BastionSecurityGroup:\n",
                        "GatewayId: !Ref Gateway"),
                Arguments.of("missing ssmmessages endpoint", "PP-BASTION-008",
                        "${AWS::Region}.ssmmessages", "${AWS::Region}.ssm-contacts",
                        "  Bastion:\n"),
                Arguments.of("ssm endpoint without private DNS", "PP-BASTION-008",
                        "      ServiceName: !Sub com.amazonaws.${AWS::Region}.ssm\n"
                                + "      VpcEndpointType: Interface\n      PrivateDnsEnabled: true\n",
                        "      ServiceName: !Sub com.amazonaws.${AWS::Region}.ssm\n"
                                + "      VpcEndpointType: Interface\n",
                        "  SsmEndpoint:"),
                Arguments.of("missing logs endpoint", "PP-BASTION-009",
                        "${AWS::Region}.logs", "${AWS::Region}.logs-other",
                        "  Bastion:\n"),
                Arguments.of("database open to a CIDR", "PP-BASTION-010",
                        "FromPort: 5432\n          ToPort: 5432\n          SourceSecurityGroupId: !Ref BastionSecurityGroup",
                        "FromPort: 5432\n          ToPort: 5432\n          CidrIp: 10.0.0.0/16",
                        "- IpProtocol: tcp\n          FromPort: 5432\n          ToPort: 5432\n          CidrIp"),
                Arguments.of("no logging", "PP-BASTION-011",
                        "          s3BucketName: !Ref SessionLogBucket\n", "",
                        "        inputs:"),
                Arguments.of("logs without encryption", "PP-BASTION-012",
                        "          s3EncryptionEnabled: true\n", "          s3EncryptionEnabled: false\n",
                        "s3EncryptionEnabled: false"),
                Arguments.of("instance role with extra grant", "PP-BASTION-013",
                        "                Action: ssm:UpdateInstanceInformation",
                        "                Action: [ssm:UpdateInstanceInformation, ssm:SendCommand]",
                        "              - Sid: RegisterWithSystemsManager"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badVariants")
    void bad_variant_fails_its_rule(String name, String ruleId, String from, String to, String marker) {
        // GIVEN the sample template with one mistake
        String text = from.equals("      CidrBlock: 10.0.1.0/24\n")
                ? replace(replace(GOOD, from, to), "          AssociatePublicIpAddress: false\n", "")
                : replace(GOOD, from, to);
        if (name.equals("no logging")) {
            text = replace(text, "          cloudWatchLogGroupName: !Ref SessionLogGroup\n", "");
        }

        // WHEN checking it
        List<RuleResult> failed = check(text).stream().filter(result -> !result.passed()).toList();

        // THEN the rule meant for it fails, at the line of the mistake
        assertThat(failed).extracting(result -> result.rule().id()).contains(ruleId);
        RuleViolation violation = failed.stream()
                .filter(result -> result.rule().id().equals(ruleId))
                .findFirst()
                .orElseThrow()
                .violations()
                .get(0);
        assertThat(violation.undecided()).as(violation.toString()).isFalse();
        assertThat(violation.location().line()).as(violation.toString()).isEqualTo(lineOf(text, marker));
    }

    @Test
    void unknown_value_leaves_rule_undecided() {
        // GIVEN an ingress source that comes from another stack
        String text = replace(GOOD, "GroupId: !Ref BastionSecurityGroup\n      IpProtocol: tcp\n      FromPort: 443",
                "GroupId: !ImportValue SharedGroup\n      IpProtocol: tcp\n      FromPort: 443");
        text = replace(text, "  BastionToEndpoints:\n    Type: AWS::EC2::SecurityGroupEgress",
                "  BastionToEndpoints:\n    Type: AWS::EC2::SecurityGroupIngress");

        // WHEN checking it THEN the ingress rule fails as undecided, never passes
        RuleResult result = check(text).get(0);
        assertThat(result.rule()).isEqualTo(BastionRule.NO_INGRESS);
        assertThat(result.passed()).isFalse();
        assertThat(result.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.undecided()).isTrue();
            assertThat(violation.toString()).contains("BastionToEndpoints", "cannot decide", "Fn::ImportValue");
        });
    }

    @Test
    void missing_bastion_fails_every_rule() {
        List<RuleResult> results = check(replace(GOOD, "Value: app-bastion", "Value: other"));

        assertThat(results).allSatisfy(result -> assertThat(result.passed()).isFalse());
        assertThat(results.get(0).violations().get(0).message()).contains("no AWS::EC2::Instance tagged "
                + "Name=app-bastion");
    }

    @Test
    void selector_picks_other_tag() {
        String text = replace(GOOD, "Value: app-bastion", "Value: jump-host");

        List<RuleResult> results = BastionRules.check(Template.parse("bastion.yaml", text, TemplateSettings.DEFAULT),
                new BastionSelector("Name", "jump-host"));

        assertThat(results).allSatisfy(result -> assertThat(result.passed()).isTrue());
    }

    @Test
    void expectation_message_names_rule_line_and_fix() {
        String text = replace(GOOD, "AssociatePublicIpAddress: false", "AssociatePublicIpAddress: true");
        Template template = Template.parse("bastion.yaml", text, TemplateSettings.DEFAULT);
        Expectation expectation = BastionRules.expectations(template, BastionSelector.DEFAULT,
                List.of(BastionRule.NO_PUBLIC_IP)).get(0);
        PolicySet unused = PolicySet.of(TemplatePolicies.extract(template, false).stream()
                .filter(policy -> policy.logicalId().equals("EngineerPolicy"))
                .findFirst()
                .orElseThrow()
                .policy());

        CheckResult result = expectation.check(unused, "bastion network");

        assertThat(expectation.description()).startsWith("PP-BASTION-005 ");
        assertThat(result.passed()).isFalse();
        assertThat(result.failureMessage()).isEqualTo(String.join(System.lineSeparator(),
                "[bastion network]",
                "rule:         PP-BASTION-005 (ERROR)",
                "expected:     the bastion gets no public IP address from its network interfaces",
                "but found:    1 violation in bastion.yaml",
                "              Bastion, line " + lineOf(text, "AssociatePublicIpAddress: true") + " of bastion.yaml: "
                        + "network interface sets AssociatePublicIpAddress: true, so the bastion gets a public IPv4 "
                        + "address",
                "fix:          " + BastionRule.NO_PUBLIC_IP.fix()));
    }

    @Test
    void test_copy_matches_sample() throws IOException {
        // The sample project's template is copied here so that engine tests do not depend on another module.
        Path sample = Path.of("../sample-project/src/main/cloudformation/bastion.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(sample), "runs inside the repository only");

        assertThat(GOOD).isEqualTo(Files.readString(sample, StandardCharsets.UTF_8));
    }

    @Test
    void missing_session_document_fails_logging_rule() {
        String text = replace(GOOD, "      DocumentType: Session\n", "      DocumentType: Command\n");

        RuleResult result = check(text).get(BastionRule.SESSION_LOGGING.ordinal());

        assertThat(result.passed()).isFalse();
        assertThat(result.violations().get(0).toString()).contains("Bastion, line " + lineOf(text, "  Bastion:\n"),
                "no AWS::SSM::Document with DocumentType: Session");
    }

    @Test
    void rule_ids_are_unique_and_stable() {
        assertThat(Stream.of(BastionRule.values()).map(BastionRule::id).distinct()).hasSize(13);
        assertThat(BastionRule.byId("PP-BASTION-010")).contains(BastionRule.DATABASE_SOURCES);
    }
}
