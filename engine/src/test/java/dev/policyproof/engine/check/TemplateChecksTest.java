package dev.policyproof.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.check.ChecksFile.PolicyGroup;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateChecksTest {

    private static final String TEMPLATE = """
            Parameters:
              QueueName: {Type: String}
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties: {QueueName: !Ref QueueName}
              SenderPolicy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Version: 2012-10-17
                    Statement:
                      - {Effect: Allow, Action: sqs:SendMessage, Resource: !GetAtt Queue.Arn}
              QueuePolicy:
                Type: AWS::SQS::QueuePolicy
                Properties:
                  Queues: [!Ref Queue]
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: {AWS: !Sub 'arn:aws:iam::${AWS::AccountId}:root'}
                        Action: sqs:SendMessage
                        Resource: !GetAtt Queue.Arn
            """;

    private static final String CHECKS = """
            policies:
              sender: {template: infra/app.yaml, parameters: infra/params.json}
              queue: {template: infra/app.yaml, resource: QueuePolicy, parameters: infra/params.json}
            checks:
              - name: sender sends to the queue
                policies: [sender]
                expect:
                  - allows: {action: sqs:SendMessage, resource: "arn:aws:sqs:us-east-1:111122223333:orders"}
            """;

    @TempDir
    Path directory;

    private ChecksFixture fixture;

    @BeforeEach
    void writeTemplate() {
        fixture = new ChecksFixture(directory);
        fixture.write("infra/app.yaml", TEMPLATE);
        fixture.write("infra/params.json", "[{\"ParameterKey\": \"QueueName\", \"ParameterValue\": \"orders\"}]");
    }

    @Test
    void template_policies_are_selected() {
        ChecksFile file = fixture.read(CHECKS);

        PolicyGroup sender = file.policies().get("sender");
        assertThat(sender.kind()).isEqualTo(PolicyKind.IDENTITY);
        assertThat(sender.templatePolicies()).extracting(policy -> policy.name())
                .containsExactly("infra/app.yaml#SenderPolicy/Properties/PolicyDocument");
        PolicyGroup queue = file.policies().get("queue");
        assertThat(queue.kind()).isEqualTo(PolicyKind.RESOURCE);
        assertThat(queue.displayNames()).containsExactly("infra/app.yaml");
    }

    @Test
    void checks_run_on_template_policies() {
        SuiteResult result = SuiteRunner.run(CheckSuite.load(fixture.read(CHECKS)));

        assertThat(result.outcomes()).singleElement().satisfies(outcome -> assertThat(outcome.passed()).isTrue());
    }

    @Test
    void unknown_logical_id_points_to_checks_file() {
        String checks = CHECKS.replace("resource: QueuePolicy", "resource: QueuePolicyy");

        assertThatThrownBy(() -> fixture.read(checks))
                .asInstanceOf(type(ChecksFileException.class))
                .extracting(e -> e.problems().get(0))
                .satisfies(problem -> {
                    assertThat(problem.code()).isEqualTo("policy-not-found");
                    assertThat(problem.line()).isEqualTo(3);
                    assertThat(problem.path()).isEqualTo("policies.queue.resource");
                    assertThat(problem.message()).contains("QueuePolicy/Properties/PolicyDocument");
                });
    }

    @Test
    void missing_parameter_value_is_reported_in_template() {
        fixture.write("infra/params.json", "{}");

        assertThatThrownBy(() -> fixture.read(CHECKS))
                .asInstanceOf(type(ChecksFileException.class))
                .extracting(e -> e.problems().get(0))
                .satisfies(problem -> {
                    assertThat(problem.code()).isEqualTo("unknown-value");
                    assertThat(problem.file()).isEqualTo("infra/app.yaml");
                    assertThat(problem.line()).isEqualTo(13);
                    assertThat(problem.message()).contains("SenderPolicy", "parameter QueueName has no value");
                });
    }

    @Test
    void missing_template_file_is_reported() {
        String checks = CHECKS.replace("sender: {template: infra/app.yaml", "sender: {template: infra/none.yaml");

        assertThatThrownBy(() -> fixture.read(checks))
                .asInstanceOf(type(ChecksFileException.class))
                .extracting(e -> e.problems().get(0))
                .satisfies(problem -> {
                    assertThat(problem.code()).isEqualTo("file-not-found");
                    assertThat(problem.path()).isEqualTo("policies.sender.template");
                });
    }

    @Test
    void template_with_files_key_is_rejected() {
        String checks = CHECKS.replace("sender: {template: infra/app.yaml,", "sender: {files: [a.json], template: "
                + "infra/app.yaml,");

        assertThatThrownBy(() -> fixture.read(checks))
                .isInstanceOf(ChecksFileException.class)
                .hasMessageContaining("policies.sender.files");
    }

    @Test
    void bastion_rules_become_one_expectation_per_rule() {
        fixture.write("infra/app.yaml", TEMPLATE.replace("Resources:\n", "Resources:\n"
                + "  Bastion:\n    Type: AWS::EC2::Instance\n    Properties:\n"
                + "      Tags: [{Key: Role, Value: jump}]\n"));
        String checks = CHECKS + """
                  - name: bastion stays private
                    policies: [sender]
                    expect:
                      - passesBastionRules:
                          template: infra/app.yaml
                          parameters: infra/params.json
                          bastionTag: {key: Role, value: jump}
                          rules: [PP-BASTION-005, PP-BASTION-001]
                """;

        SuiteResult result = SuiteRunner.run(CheckSuite.load(fixture.read(checks)));

        assertThat(result.outcomes()).extracting(outcome -> outcome.result().expectation())
                .filteredOn(name -> name.startsWith("PP-BASTION"))
                .containsExactly("PP-BASTION-001 the bastion's security groups admit no inbound traffic",
                        "PP-BASTION-005 the bastion gets no public IP address from its network interfaces");
        assertThat(result.outcomes()).filteredOn(outcome -> outcome.result().expectation().startsWith("PP-BASTION-001"))
                .singleElement()
                .satisfies(outcome -> assertThat(outcome.result().failure()).get().asString()
                        .contains("declares no security group"));
    }

    @Test
    void unknown_rule_id_is_reported() {
        String checks = CHECKS + """
                  - name: bastion stays private
                    policies: [sender]
                    expect:
                      - passesBastionRules: {template: infra/app.yaml, rules: [PP-BASTION-999]}
                """;

        assertThatThrownBy(() -> fixture.read(checks))
                .isInstanceOf(ChecksFileException.class)
                .hasMessageContaining("unknown rule id \"PP-BASTION-999\"")
                .hasMessageContaining("checks[1].expect[0].passesBastionRules.rules");
    }
}
