package dev.policyproof.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Field-wise ARN matching, checked against a regular expression. In the reference, wildcards of the partition,
 * service, region and account fields cannot match a colon, and wildcards of the resource field match anything
 * (IAM User Guide, "IAM JSON policy elements: Resource"). ArnLike checks each of the six components separately
 * ("IAM JSON policy elements: Condition operators").
 */
class ArnMatcherTest {

    private static final long SEED = 20260201L;
    private static final int ROUNDS = 20_000;

    /** Builds the reference expression: five colon-free fields, then a resource field that may hold colons. */
    private static Pattern reference(String arnPattern) {
        String[] fields = arnPattern.split(":", 6);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            regex.append(GlobPatternTest.regexOf(fields[i], "[^:]*", "[^:]")).append(':');
        }
        regex.append(GlobPatternTest.regexOf(fields[5], ".*", "."));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static String randomArn(Random random, String fieldAlphabet, String resourceAlphabet) {
        StringBuilder arn = new StringBuilder("arn");
        for (int i = 1; i < 5; i++) {
            arn.append(':').append(GlobPatternTest.randomText(random, fieldAlphabet, 3));
        }
        return arn.append(':').append(GlobPatternTest.randomText(random, resourceAlphabet, 6)).toString();
    }

    @Test
    void agrees_with_field_wise_regex() {
        Random random = new Random(SEED);

        for (int round = 0; round < ROUNDS; round++) {
            String pattern = randomArn(random, "ab*?", "ab*?:/");
            String value = random.nextInt(4) == 0
                    ? randomArn(random, "ab:", "ab:/")
                    : randomArn(random, "ab", "ab:/");

            assertThat(ArnMatcher.matches(GlobPattern.compile(pattern), value))
                    .as("pattern %s against %s", pattern, value)
                    .isEqualTo(reference(pattern).matcher(value).matches());
        }
    }

    @Test
    void star_stays_in_account_field() {
        GlobPattern pattern = GlobPattern.compile("arn:aws:ssm:us-east-1:*:document/X");

        assertThat(ArnMatcher.matches(pattern, "arn:aws:ssm:us-east-1:111122223333:document/X")).isTrue();
        assertThat(ArnMatcher.matches(pattern, "arn:aws:ssm:us-east-1::document/X")).isTrue();
        assertThat(ArnMatcher.matches(pattern, "arn:aws:ssm:us-east-1:111:222:document/X")).isFalse();
    }

    @Test
    void resource_star_spans_slash_and_colon() {
        GlobPattern pattern = GlobPattern.compile("arn:aws:lambda:*:*:function:*");

        assertThat(ArnMatcher.matches(pattern, "arn:aws:lambda:us-east-1:111122223333:function:report:prod"))
                .isTrue();
        assertThat(ArnMatcher.matches(GlobPattern.compile("arn:aws:s3:::b/*"), "arn:aws:s3:::b/x/y/z")).isTrue();
    }

    @Test
    void empty_account_must_line_up() {
        GlobPattern awsDocuments = GlobPattern.compile("arn:aws:ssm:*::document/*");

        assertThat(ArnMatcher.matches(awsDocuments, "arn:aws:ssm:us-east-1::document/AWS-StartSSHSession")).isTrue();
        assertThat(ArnMatcher.matches(awsDocuments,
                "arn:aws:ssm:us-east-1:111122223333:document/SSM-SessionManagerRunShell")).isFalse();
    }

    @Test
    void fewer_than_six_fields_never_match() {
        GlobPattern fiveFields = GlobPattern.compile("arn:aws:ec2:*:instance/*");

        assertThat(ArnMatcher.matches(fiveFields, "arn:aws:ec2:us-east-1:111122223333:instance/i-1")).isFalse();
        assertThat(ArnMatcher.matches(fiveFields, "arn:aws:ec2:us-east-1:instance/i-1")).isFalse();
    }

    @Test
    void pattern_without_colon_matches_whole_value() {
        assertThat(ArnMatcher.matches(GlobPattern.compile("*"), "arn:aws:s3:::b/k")).isTrue();
    }

    @Test
    void value_with_fewer_fields_fails() {
        assertThat(ArnMatcher.matches(GlobPattern.compile("arn:aws:s3:::*"), "arn:aws:s3:b")).isFalse();
    }

    @Test
    void matching_is_case_sensitive() {
        GlobPattern pattern = GlobPattern.compile("arn:aws:iam::*:user/Bob");

        assertThat(ArnMatcher.matches(pattern, "arn:aws:iam::111122223333:user/Bob")).isTrue();
        assertThat(ArnMatcher.matches(pattern, "arn:aws:iam::111122223333:user/bob")).isFalse();
    }
}
