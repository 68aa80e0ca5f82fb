package dev.policyproof.assertions;

import static dev.policyproof.assertions.PolicyAssertions.assertThatPolicy;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PrincipalChecksTest {

    private static final Path HOME_FOLDER = Path.of("src/test/resources/policies/home-folder.json");

    @Test
    void user_reaches_only_own_home_folder() {
        assertThatPolicy(HOME_FOLDER)
                .asPrincipal("arn:aws:iam::111122223333:user/alice", "AIDAEXAMPLEALICE")
                .allows("s3:GetObject").on("arn:aws:s3:::home/alice/notes.txt")
                .denies("s3:GetObject").on("arn:aws:s3:::home/bob/notes.txt");
    }

    @Test
    void role_session_has_no_username() {
        // GIVEN a role session, for which AWS sets no aws:username
        // WHEN the policy substitutes ${aws:username}
        // THEN the variable has no value and the Resource matches nothing
        assertThatPolicy(HOME_FOLDER)
                .asPrincipal("arn:aws:sts::111122223333:assumed-role/engineer/alice", "AROAEXAMPLE")
                .denies("s3:GetObject").on("arn:aws:s3:::home/alice/notes.txt");
    }

    @Test
    void role_itself_is_rejected_as_caller() {
        assertThatThrownBy(() -> assertThatPolicy(HOME_FOLDER).asPrincipal("arn:aws:iam::111122223333:role/x", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not send requests itself");
    }
}
