package dev.policyproof.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policyproof.engine.PrincipalArn.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Principal kinds and accounts follow the ARN formats of "IAM JSON policy elements: Principal". */
class PrincipalArnTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "arn:aws:iam::111122223333:root, ACCOUNT_ROOT, 111122223333",
        "arn:aws:iam::111122223333:user/alice, USER, 111122223333",
        "arn:aws:iam::111122223333:user/division/alice, USER, 111122223333",
        "arn:aws:iam::111122223333:role/engineer, ROLE, 111122223333",
        "arn:aws:sts::111122223333:assumed-role/engineer/alice, ROLE_SESSION, 111122223333",
        "arn:aws:sts::111122223333:federated-user/bob, FEDERATED_USER, 111122223333",
        "arn:aws-cn:iam::111122223333:user/alice, USER, 111122223333",
        "arn:aws:iam::111122223333:saml-provider/corp, IDENTITY_PROVIDER, 111122223333",
        "ssm.amazonaws.com, SERVICE, ''",
        "'*', ANONYMOUS, ''"
    })
    void parse_derives_kind_and_account(String identifier, Kind kind, String account) {
        PrincipalArn principal = PrincipalArn.parse(identifier);

        assertThat(principal.kind()).isEqualTo(kind);
        assertThat(principal.account()).isEqualTo(account);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "alice",
        "arn:aws:iam::1111:user/alice",
        "arn:aws:sts::111122223333:user/alice",
        "arn:aws:iam::111122223333:assumed-role/engineer/alice",
        "arn:aws:s3:::bucket"
    })
    void parse_rejects_non_principals(String identifier) {
        assertThatThrownBy(() -> PrincipalArn.parse(identifier))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(identifier);
    }

    @ParameterizedTest
    @CsvSource({
        "arn:aws:sts::111122223333:assumed-role/engineer/alice, arn:aws:iam::111122223333:role/engineer",
        "arn:aws:sts::111122223333:assumed-role/a/b/c, arn:aws:iam::111122223333:role/a/b"
    })
    void session_knows_its_role(String session, String role) {
        assertThat(PrincipalArn.parse(session).role()).contains(role);
    }
}
