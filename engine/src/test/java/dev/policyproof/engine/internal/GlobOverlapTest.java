package dev.policyproof.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Overlap of two globs, checked on examples and against brute force over short strings. */
class GlobOverlapTest {

    @ParameterizedTest
    @CsvSource({
        "arn:aws:s3:::bucket/*, arn:*:s3:::*/*, true",
        "arn:aws:s3:::bucket, arn:*:s3:::*/*, false",
        "arn:aws:ec2:*:*:instance/*, arn:*:ec2:*:*:instance/*, true",
        "*, arn:*:ssm:*:*:document/*, true",
        "a?c, *b*, true",
        "a?c, *dd*, false",
        "'', *, true",
        "'', ?, false",
        "ab*, *ba, true",
    })
    void decides_overlap(String first, String second, boolean expected) {
        assertThat(GlobOverlap.overlaps(first, second, false)).isEqualTo(expected);
        assertThat(GlobOverlap.overlaps(second, first, false)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "arn:aws:ec2:*:*:instance/*, arn:*:ec2:*:*:instance/*, true",
        "arn:aws:ec2:*:*:instance/*, arn:*:ssm:*:*:document/*, false",
        "arn:aws:ssm:*:*:*, arn:*:ssm:*:*:document/*, true",
        "arn:aws:s3:::bucket, arn:*:s3:::*/*, false",
        "arn:aws:s3:::bucket/*, arn:*:s3:::*, true",
        "*, arn:*:ssm:*:*:document/*, true",
        "arn:aws:*, arn:*:ssm:*:*:document/*, false",
        "arn:aws:logs:*:*:log-group:app:*, arn:*:logs:*:*:log-group:*:log-stream:*, true",
    })
    void decides_arn_overlap_field_by_field(String policyArn, String arnPattern, boolean expected) {
        assertThat(GlobOverlap.arnsOverlap(policyArn, arnPattern)).isEqualTo(expected);
    }

    @Test
    void ignores_case_only_when_asked() {
        assertThat(GlobOverlap.overlaps("ARN:*", "arn:aws", true)).isTrue();
        assertThat(GlobOverlap.overlaps("ARN:*", "arn:aws", false)).isFalse();
    }

    @Test
    void agrees_with_brute_force_on_random_patterns() {
        Random random = new Random(20261204L);
        for (int round = 0; round < 3_000; round++) {
            String first = GlobPatternTest.randomText(random, "ab*?", 4);
            String second = GlobPatternTest.randomText(random, "ab*?", 4);

            boolean expected = someCommonString(GlobPattern.compile(first), GlobPattern.compile(second));

            assertThat(GlobOverlap.overlaps(first, second, false)).as(first + " vs " + second).isEqualTo(expected);
        }
    }

    /** Tries every string over {a, b} up to length 8, long enough for patterns of at most 4 characters. */
    private static boolean someCommonString(GlobPattern first, GlobPattern second) {
        for (int length = 0; length <= 8; length++) {
            for (int bits = 0; bits < (1 << length); bits++) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < length; i++) {
                    text.append((bits >> i & 1) == 0 ? 'a' : 'b');
                }
                if (first.matches(text.toString(), false) && second.matches(text.toString(), false)) {
                    return true;
                }
            }
        }
        return false;
    }
}
