package dev.policyproof.engine.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.policyproof.engine.Request;
import dev.policyproof.engine.RequestContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StartSessionRequestTest {

    private static final String INSTANCE = "arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0";

    @ParameterizedTest
    @CsvSource({
        "ssm:StartSession, arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0, true",
        "SSM:startsession, arn:aws:ssm:us-east-1:111122223333:managed-instance/mi-0123456789abcdef0, true",
        "ssm:StartSession, arn:aws:ssm:us-east-1::document/AWS-StartPortForwardingSession, false",
        "ssm:SendCommand, arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0, false",
    })
    void session_is_start_session_on_instance(String action, String resource, boolean session) {
        assertThat(StartSessionRequest.isSession(Request.of(action, resource).build())).isEqualTo(session);
    }

    @Test
    void tag_keys_become_target_tags() {
        // GIVEN a request with a tag under each prefix, a multivalued tag key and a caller key
        RequestContext context = RequestContext.builder()
                .put("ssm:resourceTag/Name", "app-bastion")
                .put("aws:ResourceTag/Team", "platform")
                .putAll("aws:ResourceTag/Multi", List.of("a", "b"))
                .put("aws:SourceIp", "203.0.113.7")
                .build();
        Request request = Request.of("ssm:StartSession", INSTANCE)
                .principal("arn:aws:iam::111122223333:user/alice")
                .context(context)
                .build();

        // WHEN
        StartSessionRequest session = StartSessionRequest.fromRequest(request, null);

        // THEN single-valued tag keys are tags, and everything else stays the caller's context
        assertThat(session.target().arn()).isEqualTo(INSTANCE);
        assertThat(session.target().tags()).containsOnly(
                entry("Name", "app-bastion"),
                entry("Team", "platform"));
        assertThat(session.context().singleValue("aws:SourceIp")).isEqualTo("203.0.113.7");
        assertThat(session.context().get("aws:ResourceTag/Multi")).isPresent();
        assertThat(session.context().get("ssm:resourceTag/Name")).isEmpty();
        assertThat(session.principal()).isEqualTo("arn:aws:iam::111122223333:user/alice");
        assertThat(session.document()).isEmpty();
    }

    @Test
    void rejects_request_that_is_no_session() {
        Request request = Request.of("ssm:SendCommand", INSTANCE).build();

        assertThatThrownBy(() -> StartSessionRequest.fromRequest(request, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a session: ssm:SendCommand on " + INSTANCE);
    }
}
