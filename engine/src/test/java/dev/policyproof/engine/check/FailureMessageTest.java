package dev.policyproof.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.Request;
import org.junit.jupiter.api.Test;

/** Full-text checks of failure messages: aligned facts, continuation lines without a label, capped lists. */
class FailureMessageTest {

    private static final String NL = System.lineSeparator();

    @Test
    void facts_align_and_continue() {
        String text = FailureMessage.titled("engineer.json")
                .fact("expected", "denied")
                .fact("allowed by", "statement 1")
                .fact("", "statement 2")
                .subFact("target", "i-1")
                .detail("\"Action\": \"*\"")
                .render();

        assertThat(text).isEqualTo(String.join(NL,
                "[engineer.json]",
                "expected:     denied",
                "allowed by:   statement 1",
                "              statement 2",
                "  target:     i-1",
                "                \"Action\": \"*\""));
    }

    @Test
    void allowed_request_message_full_text() {
        // GIVEN two statements that both allow the request
        PolicySet policies = PolicySet.of(PolicyParser.identity().parse("reader.json", """
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"},
                  {"Sid": "ReadAll", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}
                ]}
                """));
        Request request = Request.of("s3:GetObject", "arn:aws:s3:::reports/q1.csv").build();

        // WHEN the request is expected to be denied
        CheckResult result = Expectations.denies(request).check(policies, "reader.json");

        // THEN the message lists both allowing statements, the second on a continuation line
        assertThat(result.passed()).isFalse();
        assertThat(result.failure()).contains(String.join(NL,
                "[reader.json]",
                "expected:     denied: s3:GetObject on arn:aws:s3:::reports/q1.csv",
                "but found:    the request is allowed",
                "request:      s3:GetObject on arn:aws:s3:::reports/q1.csv",
                "decision:     ALLOW",
                "allowed by:   statement 1 of 2, Sid \"Read\", line 2 of reader.json",
                "                \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::reports/*\"",
                "              statement 2 of 2, Sid \"ReadAll\", line 3 of reader.json",
                "                \"Action\": \"s3:Get*\", \"Resource\": \"*\"",
                "hint:         narrow the statement above, or add a Deny statement for this request"));
    }

    @Test
    void denied_request_message_names_closest_miss() {
        PolicySet policies = PolicySet.of(PolicyParser.identity().parse("reader.json", """
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}
                ]}
                """));
        Request request = Request.of("s3:GetObject", "arn:aws:s3:::secrets/key").build();

        CheckResult result = Expectations.allows(request).check(policies, "reader.json");

        assertThat(result.passed()).isFalse();
        assertThat(result.failure()).contains(String.join(NL,
                "[reader.json]",
                "expected:     allowed: s3:GetObject on arn:aws:s3:::secrets/key",
                "but found:    no statement allows the request",
                "request:      s3:GetObject on arn:aws:s3:::secrets/key",
                "decision:     IMPLICIT_DENY",
                "because:      implicit deny: no identity policy allows the request",
                "closest miss: statement 1 of 1, Sid \"Read\", line 2 of reader.json: \"Resource\": "
                        + "\"arn:aws:s3:::reports/*\" does not match arn:aws:s3:::secrets/key"));
    }
}
