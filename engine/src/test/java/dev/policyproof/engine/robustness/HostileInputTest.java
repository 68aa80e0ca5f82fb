package dev.policyproof.engine.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policyproof.engine.Decision;
import dev.policyproof.engine.PolicyParseException;
import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.RequestContext;
import dev.policyproof.engine.proof.Answer;
import dev.policyproof.engine.proof.Answer.Status;
import dev.policyproof.engine.proof.PolicyAnalyzer;
import dev.policyproof.engine.proof.Scope;
import dev.policyproof.engine.template.Template;
import dev.policyproof.engine.template.TemplateException;
import dev.policyproof.engine.template.TemplatePolicies;
import dev.policyproof.engine.template.TemplateSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that once made the engine return wrong results, crash or hang, each now evaluated correctly or rejected clearly. */
class HostileInputTest {

    private static PolicySet policy(String statements) {
        return PolicySet.of(PolicyParser.identity().parse("hostile.json",
                "{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}"));
    }

    @Test
    void multivalued_key_under_plain_operators_is_found() {
        // GIVEN aws:TagKeys, a multivalued key, tested by two plain operators that need two different values
        PolicySet policies = policy("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\","
                + " \"Condition\": {\"StringEquals\": {\"aws:TagKeys\": \"a\"}, \"StringLike\": {\"aws:TagKeys\": \"b\"}}}");

        Answer answer = PolicyAnalyzer.of(policies).findAllowed(Scope.all());
        Request both = Request.of("s3:GetObject", "arn:aws:s3:::b/k")
                .context(RequestContext.builder().putAll("aws:TagKeys", List.of("a", "b")).build())
                .build();

        assertThat(policies.evaluate(both).decision()).isEqualTo(Decision.ALLOW);
        assertThat(answer.status()).isEqualTo(Status.FOUND);
    }

    @Test
    void date_window_past_year_2262_is_found() {
        PolicySet policies = policy("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\","
                + " \"Condition\": {\"DateGreaterThan\": {\"aws:CurrentTime\": \"2024-01-01T00:00:00Z\"},"
                + " \"DateLessThan\": {\"aws:CurrentTime\": \"9999-12-31T23:59:59Z\"}}}");

        assertThat(PolicyAnalyzer.of(policies).findAllowed(Scope.all()).status()).isEqualTo(Status.FOUND);
    }

    @Test
    void numbers_in_exponent_form_are_found() {
        PolicySet window = policy("{\"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", \"Resource\": \"*\","
                + " \"Condition\": {\"NumericGreaterThan\": {\"s3:max-keys\": \"1e3\"},"
                + " \"NumericLessThan\": {\"s3:max-keys\": \"1e4\"}}}");
        PolicySet huge = policy("{\"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", \"Resource\": \"*\","
                + " \"Condition\": {\"NumericGreaterThan\": {\"s3:max-keys\": \"1e999999999\"}}}");

        assertThat(PolicyAnalyzer.of(window).findAllowed(Scope.all()).status()).isEqualTo(Status.FOUND);
        assertThat(PolicyAnalyzer.of(huge).findAllowed(Scope.all()).status()).isEqualTo(Status.FOUND);
    }

    @Test
    @Timeout(10)
    void question_marks_after_star_are_unknown_not_slow() {
        PolicySet policies = policy("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
                + " \"Resource\": \"arn:aws:s3:::*a????????????????????\"}");

        Answer answer = PolicyAnalyzer.of(policies).findAllowed(Scope.actions("s3:GetObject"));

        assertThat(answer.status()).isEqualTo(Status.UNKNOWN);
        assertThat(answer.unknowns().get(0).reason()).contains("many ? after a *");
    }

    @Test
    void ip_value_that_is_no_literal_is_rejected() {
        assertThatThrownBy(() -> policy("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\","
                        + " \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \".:\"}}}"))
                .isInstanceOf(PolicyParseException.class)
                .hasMessageContaining("is not an IP address or CIDR block");
    }

    @Test
    void nested_policy_variable_is_rejected() {
        assertThatThrownBy(() -> policy("{\"Effect\": \"Deny\", \"Action\": \"s3:GetObject\","
                        + " \"Resource\": \"arn:aws:s3:::home/${${aws:username}}/*\"}"))
                .isInstanceOf(PolicyParseException.class)
                .hasMessageContaining("invalid-variable");
    }

    @Test
    void request_action_pattern_is_rejected() {
        assertThatThrownBy(() -> Request.of("s3:Get*", "arn:aws:s3:::b/k").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without wildcards");
        assertThatThrownBy(() -> Request.of("GetObject", "arn:aws:s3:::b/k").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("service:Action");
    }

    @Test
    void policy_on_resource_with_unknown_condition_fails() {
        String template = """
                Parameters:
                  Env: {Type: String}
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                Resources:
                  Everything:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Version: "2012-10-17"
                        Statement: [{Effect: Allow, Action: "s3:*", Resource: "*"}]
                  NoDeletes:
                    Type: AWS::IAM::ManagedPolicy
                    Condition: IsProd
                    Properties:
                      PolicyDocument:
                        Version: "2012-10-17"
                        Statement: [{Effect: Deny, Action: "s3:DeleteObject", Resource: "*"}]
                """;

        Template parsed = Template.parse("stack.yaml", template, TemplateSettings.DEFAULT);

        assertThatThrownBy(() -> TemplatePolicies.extract(parsed, false))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("unknown-condition")
                .hasMessageContaining("NoDeletes");
    }

    @Test
    void byte_order_mark_is_rejected() {
        assertThatThrownBy(() -> PolicyParser.identity().parse("bom.json", "\uFEFF{\"Statement\": []}"))
                .isInstanceOf(PolicyParseException.class)
                .hasMessageContaining("byte order mark");
    }

    @Test
    void invalid_utf8_file_is_rejected(@TempDir Path directory) throws IOException {
        Path file = Files.write(directory.resolve("latin1.json"),
                new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});

        assertThatThrownBy(() -> PolicyParser.identity().parse(file))
                .isInstanceOf(PolicyParseException.class)
                .hasMessageContaining("not valid UTF-8");
    }
}
