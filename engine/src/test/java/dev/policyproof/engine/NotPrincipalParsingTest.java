package dev.policyproof.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/**
 * Parser checks for {@code NotPrincipal}, which IAM supports only with {@code "Effect": "Deny"} and never in a role
 * trust policy (IAM User Guide, "IAM JSON policy elements: NotPrincipal").
 */
class NotPrincipalParsingTest {

    private static final String QUEUE = "arn:aws:sqs:us-east-1:111122223333:jobs";

    private static String policy(String effect, boolean withResource) {
        return """
                {"Version": "2012-10-17", "Statement": [{"Effect": "%s",
                  "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:user/alice"},
                  "Action": "sqs:SendMessage"%s}]}
                """.formatted(effect, withResource ? ", \"Resource\": \"" + QUEUE + "\"" : "");
    }

    @Test
    void rejects_allow_with_not_principal() {
        // WHEN a resource policy allows with NotPrincipal
        PolicyParseException error = catchThrowableOfType(PolicyParseException.class,
                () -> PolicyParser.forKind(PolicyKind.RESOURCE).parse("queue.json", policy("Allow", true)));

        // THEN the parser rejects it at the NotPrincipal key
        assertThat(error).isNotNull();
        assertThat(error.problems()).extracting(Problem::code).containsExactly("not-principal-with-allow");
        assertThat(error.problems().get(0).location().pointer()).isEqualTo("/Statement/0/NotPrincipal");
    }

    @Test
    void rejects_not_principal_in_trust_policy() {
        PolicyParseException error = catchThrowableOfType(PolicyParseException.class,
                () -> PolicyParser.forKind(PolicyKind.TRUST).parse("trust.json", policy("Deny", false)));

        assertThat(error).isNotNull();
        assertThat(error.problems()).extracting(Problem::code).containsExactly("not-principal-not-allowed");
    }

    @Test
    void accepts_deny_with_not_principal() {
        Policy policy = PolicyParser.forKind(PolicyKind.RESOURCE).parse("queue.json", policy("Deny", true));

        assertThat(policy.statements()).hasSize(1);
        assertThat(policy.statements().get(0).principal()).hasValueSatisfying(
                element -> assertThat(element.negated()).isTrue());
    }
}
