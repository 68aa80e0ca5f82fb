package dev.policyproof.assertions;

import static dev.policyproof.assertions.PolicyAssertions.DEFAULT_SHELL;
import static dev.policyproof.assertions.PolicyAssertions.PORT_FORWARD;
import static dev.policyproof.assertions.PolicyAssertions.PORT_FORWARD_TO_REMOTE_HOST;
import static dev.policyproof.assertions.PolicyAssertions.assertThatPolicy;
import static dev.policyproof.assertions.TestPolicies.ANY_AWS_DOCUMENT;
import static dev.policyproof.assertions.TestPolicies.ANY_INSTANCE;
import static dev.policyproof.assertions.TestPolicies.NAIVE;
import static dev.policyproof.assertions.TestPolicies.OFFICE_NETWORK;
import static dev.policyproof.assertions.TestPolicies.REPORTS_READER;
import static dev.policyproof.assertions.TestPolicies.TUNNEL_ONLY;
import static dev.policyproof.assertions.TestPolicies.messageOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;

class SessionChecksTest {

    @Test
    void readme_example_passes_on_tunnel_only() {
        // GIVEN the policy that allows only the remote-host tunnel to the bastion
        PolicyAssert tunnelOnly = assertThatPolicy(TUNNEL_ONLY);

        // WHEN / THEN
        assertThatCode(() -> tunnelOnly.allowsStartSession()
                        .onlyWithDocument(PORT_FORWARD_TO_REMOTE_HOST)
                        .onlyForTag("Name", "app-bastion"))
                .doesNotThrowAnyException();
    }

    @Test
    void fails_when_default_shell_is_granted() {
        // GIVEN a bastion statement without ssm:SessionDocumentAccessCheck
        PolicyAssert naive = assertThatPolicy(NAIVE);

        // WHEN
        Throwable error = catchThrowable(() -> naive.allowsStartSession()
                .onlyWithDocument(PORT_FORWARD_TO_REMOTE_HOST)
                .onlyForTag("Name", "app-bastion"));

        // THEN
        assertThat(error).isInstanceOf(AssertionError.class);
        assertThat(messageOf(error)).isEqualTo("""
                [src/test/resources/policies/naive-engineer.json]
                expected:     ssm:StartSession allowed only with AWS-StartPortForwardingSessionToRemoteHost
                but found:    a session that names no document, so Session Manager starts the default shell SSM-SessionManagerRunShell
                request:      ssm:StartSession
                  target:     arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0 (tags: Name=app-bastion)
                  document:   none named, so Session Manager runs the default shell arn:aws:ssm:us-east-1:111122223333:document/SSM-SessionManagerRunShell
                decision:     ALLOW (the default shell needs no permission of its own)
                allowed by:   statement 1 of 2, Sid "StartSessionOnBastion", line 4 of src/test/resources/policies/naive-engineer.json
                                "Action": "ssm:StartSession", "Resource": "arn:aws:ec2:*:*:instance/*"
                                Condition "StringEquals": {"ssm:resourceTag/Name": "app-bastion"}
                hint:         add "BoolIfExists": {"ssm:SessionDocumentAccessCheck": "true"} to every statement that allows ssm:StartSession; statement 1 lacks it
                proof:        the prover checked every target, document and context; the authorizer allows this call""");
    }

    @Test
    void passes_when_default_shell_is_listed() {
        // GIVEN the naive policy, whose only documents are the tunnel and the implicit default shell
        PolicyAssert naive = assertThatPolicy(NAIVE);

        // WHEN / THEN
        assertThatCode(() -> naive.allowsStartSession().onlyWithDocument(PORT_FORWARD_TO_REMOTE_HOST, DEFAULT_SHELL))
                .doesNotThrowAnyException();
    }

    @Test
    void fails_when_another_document_is_allowed() {
        // GIVEN a document statement on every AWS-owned document
        PolicyAssert anyAwsDocument = assertThatPolicy(ANY_AWS_DOCUMENT);

        // WHEN
        Throwable error = catchThrowable(
                () -> anyAwsDocument.allowsStartSession().onlyWithDocument(PORT_FORWARD_TO_REMOTE_HOST));

        // THEN
        assertThat(messageOf(error)).isEqualTo("""
                [src/test/resources/policies/any-aws-document-engineer.json]
                expected:     ssm:StartSession allowed only with AWS-StartPortForwardingSessionToRemoteHost
                but found:    a session with document arn:aws:ssm:us-east-1::document/AWS-StartPortForwardingSession
                request:      ssm:StartSession
                  target:     arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0 (tags: Name=app-bastion)
                  document:   arn:aws:ssm:us-east-1::document/AWS-StartPortForwardingSession
                decision:     ALLOW
                allowed by:   statement 1 of 2, Sid "StartSessionOnBastion", line 4 of src/test/resources/policies/any-aws-document-engineer.json
                                "Action": "ssm:StartSession", "Resource": "arn:aws:ec2:*:*:instance/*"
                                Condition "StringEquals": {"ssm:resourceTag/Name": "app-bastion"}
                                Condition "BoolIfExists": {"ssm:SessionDocumentAccessCheck": "true"}
                              statement 2 of 2, Sid "AnyAwsDocument", line 14 of src/test/resources/policies/any-aws-document-engineer.json
                                "Action": "ssm:StartSession", "Resource": "arn:aws:ssm:*::document/*"
                                Condition "BoolIfExists": {"ssm:SessionDocumentAccessCheck": "true"}
                hint:         narrow the document Resource to the allowed documents (AWS documents have an empty account field, as in arn:aws:ssm:*::document/AWS-StartPortForwardingSession), and add a Deny with NotResource for every other document
                proof:        the prover checked every target, document and context; the authorizer allows this call""");
    }

    @Test
    void fails_when_target_lacks_the_tag() {
        // GIVEN an instance statement without a tag condition
        PolicyAssert anyInstance = assertThatPolicy(ANY_INSTANCE);

        // WHEN
        Throwable error = catchThrowable(() -> anyInstance.allowsStartSession().onlyForTag("Name", "app-bastion"));

        // THEN the first counterexample is an instance with no tags at all
        assertThat(messageOf(error)).isEqualTo("""
                [src/test/resources/policies/any-instance-engineer.json]
                expected:     ssm:StartSession allowed only on targets tagged Name=app-bastion
                but found:    a session on a target with no tags
                request:      ssm:StartSession
                  target:     arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0 (no tags)
                  document:   arn:aws:ssm:us-east-1::document/AWS-StartPortForwardingSessionToRemoteHost
                decision:     ALLOW
                allowed by:   statement 1 of 2, Sid "StartSessionOnAnyInstance", line 4 of src/test/resources/policies/any-instance-engineer.json
                                "Action": "ssm:StartSession", "Resource": "arn:aws:ec2:*:*:instance/*"
                                Condition "BoolIfExists": {"ssm:SessionDocumentAccessCheck": "true"}
                              statement 2 of 2, Sid "PortForwardingDocument", line 13 of src/test/resources/policies/any-instance-engineer.json
                                "Action": "ssm:StartSession", "Resource": "arn:aws:ssm:*::document/AWS-StartPortForwardingSessionToRemoteHost"
                                Condition "BoolIfExists": {"ssm:SessionDocumentAccessCheck": "true"}
                hint:         require the tag in the statement that allows the target, in a statement of its own: "StringEquals": {"ssm:resourceTag/Name": "app-bastion"}
                proof:        the prover checked every target, document and context; the authorizer allows this call""");
    }

    @Test
    void fails_when_no_session_is_allowed() {
        // GIVEN a policy with no ssm:StartSession statement
        PolicyAssert reader = assertThatPolicy(REPORTS_READER);

        // WHEN
        Throwable error = catchThrowable(reader::allowsStartSession);

        // THEN
        assertThat(messageOf(error)).isEqualTo("""
                [src/test/resources/policies/reports-reader.json]
                expected:     some ssm:StartSession call allowed
                but found:    no call is allowed, for any target, document or context; for example:
                request:      ssm:StartSession
                  target:     arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0 (no tags)
                  document:   none named, so Session Manager runs the default shell arn:aws:ssm:us-east-1:111122223333:document/SSM-SessionManagerRunShell
                decision:     IMPLICIT_DENY
                because:      implicit deny: no identity policy allows the request
                closest miss: no Allow statement covers ssm:StartSession""");
    }

    @Test
    void hard_chain_stops_at_first_failure() {
        // GIVEN a chain whose document check fails first
        PolicyAssert naive = assertThatPolicy(NAIVE);

        // WHEN / THEN the tag check, which would fail with another message, never runs
        assertThatThrownBy(() -> naive.allowsStartSession()
                        .onlyWithDocument(PORT_FORWARD_TO_REMOTE_HOST)
                        .onlyForTag("Name", "other-host"))
                .hasMessageContaining("expected:     ssm:StartSession allowed only with")
                .hasMessageNotContaining("other-host");
    }

    @Test
    void context_reaches_session_checks() {
        // GIVEN a session statement that requires the office network
        PolicyAssert office = assertThatPolicy(OFFICE_NETWORK);

        // WHEN / THEN
        assertThatCode(() -> office.withContext("aws:SourceIp", "203.0.113.7")
                        .allowsStartSession()
                        .onlyWithDocument(PORT_FORWARD))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> office.withContext("aws:SourceIp", "198.51.100.7").allowsStartSession())
                .hasMessageContaining("no call is allowed, for any target, document or context")
                .hasMessageContaining("aws:SourceIp is \"198.51.100.7\", so \"IpAddress\"");
    }

    @Test
    void region_and_account_shape_session_arns() {
        // GIVEN
        PolicyAssert naive = assertThatPolicy(NAIVE).inRegion("eu-west-1").inAccount("444455556666");

        // WHEN
        Throwable error = catchThrowable(() -> naive.allowsStartSession().onlyWithDocument(PORT_FORWARD));

        // THEN
        assertThat(messageOf(error))
                .contains("target:     arn:aws:ec2:eu-west-1:444455556666:instance/")
                .contains("arn:aws:ssm:eu-west-1:444455556666:document/SSM-SessionManagerRunShell");
    }

    @Test
    void return_to_policy_continues_chain() {
        // GIVEN
        PolicyAssert tunnelOnly = assertThatPolicy(TUNNEL_ONLY);

        // WHEN
        Throwable error = catchThrowable(() -> tunnelOnly.allowsStartSession()
                .onlyWithDocument(PORT_FORWARD_TO_REMOTE_HOST)
                .returnToPolicy()
                .allows("ssm:SendCommand")
                .on("arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0"));

        // THEN
        assertThat(messageOf(error)).contains("expected:     allowed: ssm:SendCommand on ");
    }

    @Test
    void rejects_empty_document_list() {
        // GIVEN
        StartSessionAssert sessions = assertThatPolicy(TUNNEL_ONLY).allowsStartSession();

        // WHEN / THEN
        assertThatThrownBy(sessions::onlyWithDocument)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name at least one session document");
    }
}
