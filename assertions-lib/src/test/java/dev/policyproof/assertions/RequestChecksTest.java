package dev.policyproof.assertions;

import static dev.policyproof.assertions.PolicyAssertions.assertThatPolicies;
import static dev.policyproof.assertions.PolicyAssertions.assertThatPolicy;
import static dev.policyproof.assertions.TestPolicies.LEDGER;
import static dev.policyproof.assertions.TestPolicies.REPORT;
import static dev.policyproof.assertions.TestPolicies.REPORTS_ENDPOINT;
import static dev.policyproof.assertions.TestPolicies.REPORTS_READER;
import static dev.policyproof.assertions.TestPolicies.messageOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.Request;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestChecksTest {

    @Test
    void allows_fails_with_closest_miss() {
        // GIVEN a request without the VPC endpoint that ReadReportsThroughEndpoint requires
        PolicyAssert reader = assertThatPolicy(REPORTS_READER);

        // WHEN
        Throwable error = catchThrowable(() -> reader.allows("s3:GetObject").on(REPORT));

        // THEN
        assertThat(error).isInstanceOf(AssertionError.class);
        assertThat(messageOf(error)).isEqualTo("""
                [src/test/resources/policies/reports-reader.json]
                expected:     allowed: s3:GetObject on arn:aws:s3:::reports/q1.csv
                but found:    no statement allows the request
                request:      s3:GetObject on arn:aws:s3:::reports/q1.csv
                decision:     IMPLICIT_DENY
                because:      implicit deny: no identity policy allows the request
                closest miss: statement 1 of 4, Sid "ReadReportsThroughEndpoint", line 4 of \
                src/test/resources/policies/reports-reader.json: aws:SourceVpce is absent from the request, \
                so StringEquals does not match
                              statement 2 of 4, Sid "ReadFinanceData", line 13 of \
                src/test/resources/policies/reports-reader.json: "Resource": "arn:aws:s3:::data/*" does not \
                match arn:aws:s3:::reports/q1.csv""");
    }

    @Test
    void denies_fails_when_a_statement_allows() {
        // GIVEN a request through the endpoint that ReadReportsThroughEndpoint allows
        PolicyAssert reader = assertThatPolicy(REPORTS_READER).withContext("aws:SourceVpce", REPORTS_ENDPOINT);

        // WHEN
        Throwable error = catchThrowable(() -> reader.denies("s3:GetObject").on(REPORT));

        // THEN
        assertThat(messageOf(error)).isEqualTo("""
                [src/test/resources/policies/reports-reader.json]
                expected:     denied: s3:GetObject on arn:aws:s3:::reports/q1.csv
                but found:    the request is allowed
                request:      s3:GetObject on arn:aws:s3:::reports/q1.csv
                  context:    aws:SourceVpce=vpce-1a2b3c4d
                decision:     ALLOW
                allowed by:   statement 1 of 4, Sid "ReadReportsThroughEndpoint", line 4 of \
                src/test/resources/policies/reports-reader.json
                                "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"
                                Condition "StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}
                hint:         narrow the statement above, or add a Deny statement for this request""");
    }

    @Test
    void allows_fails_when_explicit_deny_matches() {
        // GIVEN a delete, which DenyDeleteReports denies
        PolicyAssert reader = assertThatPolicy(REPORTS_READER);

        // WHEN
        Throwable error = catchThrowable(() -> reader.allows("s3:DeleteObject").on(REPORT));

        // THEN
        assertThat(messageOf(error)).isEqualTo("""
                [src/test/resources/policies/reports-reader.json]
                expected:     allowed: s3:DeleteObject on arn:aws:s3:::reports/q1.csv
                but found:    a Deny statement matches the request
                request:      s3:DeleteObject on arn:aws:s3:::reports/q1.csv
                decision:     EXPLICIT_DENY
                denied by:    statement 4 of 4, Sid "DenyDeleteReports", line 32 of \
                src/test/resources/policies/reports-reader.json
                                "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::reports/*\"""");
    }

    @Test
    void checks_chain_when_decisions_match() {
        // GIVEN
        PolicyAssert reader = assertThatPolicy(REPORTS_READER).withContext("aws:SourceVpce", REPORTS_ENDPOINT);

        // WHEN / THEN
        assertThatCode(() -> reader.allows("s3:GetObject").on(REPORT)
                        .denies("s3:DeleteObject").on(REPORT)
                        .denies("s3:PutObject").on(REPORT))
                .doesNotThrowAnyException();
    }

    @Test
    void description_becomes_message_title() {
        // GIVEN
        PolicyAssert reader = assertThatPolicy(REPORTS_READER).as("reports reader role");

        // WHEN
        Throwable error = catchThrowable(() -> reader.allows("s3:DeleteObject").on(REPORT));

        // THEN
        assertThat(messageOf(error)).startsWith("[reports reader role]\nexpected:     allowed: s3:DeleteObject");
    }

    @Test
    void description_survives_request_setup() {
        // GIVEN a description set before the context
        PolicyAssert reader = assertThatPolicy(REPORTS_READER).as("reports reader role").withContext("k", "v");

        // WHEN
        Throwable error = catchThrowable(() -> reader.allows("s3:DeleteObject").on(REPORT));

        // THEN
        assertThat(messageOf(error)).startsWith("[reports reader role]\n");
    }

    @Test
    void title_defaults_to_policy_set_name() {
        // GIVEN
        PolicySet role = PolicySet.named(
                "role/reports-reader", List.of(PolicyParser.identity().parse(REPORTS_READER)));

        // WHEN
        Throwable error = catchThrowable(() -> assertThatPolicies(role).allows("s3:DeleteObject").on(REPORT));

        // THEN
        assertThat(messageOf(error)).startsWith("[role/reports-reader]\n");
    }

    @Test
    void context_value_reaches_the_engine() {
        // GIVEN ReadReportsThroughEndpoint, which needs aws:SourceVpce
        PolicyAssert reader = assertThatPolicy(REPORTS_READER);

        // WHEN / THEN
        assertThatCode(() -> reader.withContext("aws:SourceVpce", REPORTS_ENDPOINT).allows("s3:GetObject").on(REPORT))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> reader.withContext("aws:SourceVpce", "vpce-other").allows("s3:GetObject").on(REPORT))
                .hasMessageContaining("aws:SourceVpce=vpce-other");
    }

    @Test
    void multivalued_context_reaches_the_engine() {
        // GIVEN TagReports, which allows only the tag keys team and project
        PolicyAssert reader = assertThatPolicy(REPORTS_READER);

        // WHEN / THEN
        assertThatCode(() -> reader.withContextValues("aws:TagKeys", List.of("team", "project"))
                        .allows("s3:PutObjectTagging").on(REPORT))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> reader.withContextValues("aws:TagKeys", List.of("team", "owner"))
                        .allows("s3:PutObjectTagging").on(REPORT))
                .hasMessageContaining("aws:TagKeys is [team, owner], so \"ForAllValues:StringEquals\"");
    }

    @Test
    void resource_tag_reaches_the_engine() {
        // GIVEN ReadFinanceData, which needs the object tagged team=finance
        PolicyAssert reader = assertThatPolicy(REPORTS_READER);

        // WHEN / THEN
        assertThatCode(() -> reader.withResourceTag("team", "finance").allows("s3:GetObject").on(LEDGER))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> reader.withResourceTag("team", "sales").allows("s3:GetObject").on(LEDGER))
                .hasMessageContaining("aws:ResourceTag/team is \"sales\"");
    }

    @Test
    void principal_is_shown_in_the_request() {
        // GIVEN
        PolicyAssert reader = assertThatPolicy(REPORTS_READER).withPrincipal("arn:aws:iam::111122223333:role/reader");

        // WHEN
        Throwable error = catchThrowable(() -> reader.allows("s3:DeleteObject").on(REPORT));

        // THEN
        assertThat(messageOf(error)).contains("\n  principal:  arn:aws:iam::111122223333:role/reader\n");
    }

    @Test
    void setup_leaves_original_unchanged() {
        // GIVEN
        PolicyAssert reader = assertThatPolicy(REPORTS_READER);

        // WHEN
        PolicyAssert throughEndpoint = reader.withContext("aws:SourceVpce", REPORTS_ENDPOINT);

        // THEN
        assertThat(throughEndpoint).isNotSameAs(reader);
        assertThatThrownBy(() -> reader.allows("s3:GetObject").on(REPORT)).isInstanceOf(AssertionError.class);
    }

    @Test
    void request_overloads_use_request_as_given() {
        // GIVEN
        Request throughEndpoint =
                Request.of("s3:GetObject", REPORT).contextValue("aws:SourceVpce", REPORTS_ENDPOINT).build();
        Request write = Request.of("s3:PutObject", REPORT).build();

        // WHEN / THEN
        assertThatCode(() -> assertThatPolicy(REPORTS_READER).allows(throughEndpoint).denies(write))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThatPolicy(REPORTS_READER).denies(throughEndpoint))
                .hasMessageContaining("expected:     denied: s3:GetObject on " + REPORT);
    }

    @Test
    void fails_with_own_message_when_policy_is_null() {
        // GIVEN
        PolicyAssert nothing = assertThatPolicy((Path) null);

        // WHEN
        Throwable error = catchThrowable(() -> nothing.allows("s3:GetObject").on(REPORT));

        // THEN
        assertThat(error).isInstanceOf(AssertionError.class);
        assertThat(messageOf(error)).isEqualTo("""
                [policy]
                expected:     a policy to check
                but found:    null""");
    }

    @Test
    void null_policy_message_uses_description() {
        // GIVEN
        PolicyAssert nothing = assertThatPolicies(null).as("engineer role");

        // WHEN
        Throwable error = catchThrowable(nothing::allowsStartSession);

        // THEN
        assertThat(messageOf(error)).startsWith("[engineer role]\nexpected:     a policy to check");
    }

    @Test
    void overriding_message_replaces_engine_message() {
        // GIVEN
        PolicyAssert reader = assertThatPolicy(REPORTS_READER).overridingErrorMessage("deletes must stay possible");

        // WHEN / THEN
        assertThatThrownBy(() -> reader.allows("s3:DeleteObject").on(REPORT)).hasMessage("deletes must stay possible");
    }
}
