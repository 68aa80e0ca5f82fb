package dev.policyproof.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Key values follow "AWS global condition context keys" (aws:PrincipalType, aws:userid, aws:username). */
class PrincipalContextTest {

    @Test
    void user_gets_username_and_userid() {
        RequestContext keys = PrincipalContext.standardKeys(
                PrincipalArn.parse("arn:aws:iam::111122223333:user/division/alice"), "AIDAEXAMPLE");

        assertThat(keys.singleValue("aws:username")).isEqualTo("alice");
        assertThat(keys.singleValue("aws:userid")).isEqualTo("AIDAEXAMPLE");
        assertThat(keys.singleValue("aws:PrincipalType")).isEqualTo("User");
        assertThat(keys.singleValue("aws:PrincipalAccount")).isEqualTo("111122223333");
        assertThat(keys.singleValue("aws:PrincipalArn")).isEqualTo("arn:aws:iam::111122223333:user/division/alice");
    }

    @Test
    void role_session_gets_role_arn_and_session_userid() {
        RequestContext keys = PrincipalContext.standardKeys(
                PrincipalArn.parse("arn:aws:sts::111122223333:assumed-role/engineer/alice"), "AROAEXAMPLE");

        assertThat(keys.singleValue("aws:username")).isNull();
        assertThat(keys.singleValue("aws:userid")).isEqualTo("AROAEXAMPLE:alice");
        assertThat(keys.singleValue("aws:PrincipalType")).isEqualTo("AssumedRole");
        assertThat(keys.singleValue("aws:PrincipalArn")).isEqualTo("arn:aws:iam::111122223333:role/engineer");
    }

    @Test
    void unknown_unique_id_leaves_userid_absent() {
        RequestContext keys =
                PrincipalContext.standardKeys(PrincipalArn.parse("arn:aws:iam::111122223333:user/alice"), null);

        assertThat(keys.get("aws:userid")).isEmpty();
    }

    @Test
    void root_and_federated_user_get_derived_userid() {
        RequestContext root =
                PrincipalContext.standardKeys(PrincipalArn.parse("arn:aws:iam::111122223333:root"), null);
        RequestContext federated = PrincipalContext.standardKeys(
                PrincipalArn.parse("arn:aws:sts::111122223333:federated-user/bob"), null);

        assertThat(root.singleValue("aws:userid")).isEqualTo("111122223333");
        assertThat(root.singleValue("aws:PrincipalType")).isEqualTo("Account");
        assertThat(federated.singleValue("aws:userid")).isEqualTo("111122223333:bob");
        assertThat(federated.singleValue("aws:PrincipalType")).isEqualTo("FederatedUser");
    }

    @Test
    void service_is_marked_as_aws_service() {
        RequestContext keys = PrincipalContext.standardKeys(PrincipalArn.parse("ssm.amazonaws.com"), null);

        assertThat(keys.singleValue("aws:PrincipalIsAWSService")).isEqualTo("true");
        assertThat(keys.singleValue("aws:PrincipalServiceName")).isEqualTo("ssm.amazonaws.com");
    }

    @Test
    void role_itself_sends_no_requests() {
        assertThatThrownBy(() -> PrincipalContext.standardKeys(
                        PrincipalArn.parse("arn:aws:iam::111122223333:role/engineer"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("assumed-role");
    }
}
