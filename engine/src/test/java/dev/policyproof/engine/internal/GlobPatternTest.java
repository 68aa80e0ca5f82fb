package dev.policyproof.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The backtracking-free glob matcher, checked against {@link java.util.regex} on seeded random patterns and values:
 * {@code *} is any run of characters, {@code ?} exactly one (IAM User Guide, "IAM JSON policy elements: Condition
 * operators", StringLike).
 */
class GlobPatternTest {

    private static final long SEED = 20260131L;
    private static final int ROUNDS = 20_000;

    /** Translates a glob into the equivalent regular expression, every other character quoted. */
    static String regexOf(String glob, String anyRun, String anyOne) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append(anyRun);
            } else if (c == '?') {
                regex.append(anyOne);
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    static String randomText(Random random, String alphabet, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Test
    void agrees_with_regex_case_sensitive() {
        Random random = new Random(SEED);

        for (int round = 0; round < ROUNDS; round++) {
            String glob = randomText(random, "ab*?:/", 8);
            String value = randomText(random, "ab:/", 10);
            boolean expected = Pattern.compile(regexOf(glob, ".*", "."), Pattern.DOTALL).matcher(value).matches();

            assertThat(GlobPattern.compile(glob).matches(value, false))
                    .as("pattern %s against %s", glob, value)
                    .isEqualTo(expected);
        }
    }

    @Test
    void agrees_with_regex_ignoring_case() {
        Random random = new Random(SEED + 1);

        for (int round = 0; round < ROUNDS; round++) {
            String glob = randomText(random, "aAbB*?", 8);
            String value = randomText(random, "aAbB", 10);
            Pattern regex = Pattern.compile(regexOf(glob, ".*", "."), Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

            assertThat(GlobPattern.compile(glob).matches(value, true))
                    .as("pattern %s against %s ignoring case", glob, value)
                    .isEqualTo(regex.matcher(value).matches());
        }
    }

    @Test
    void pathological_pattern_completes() {
        // GIVEN a pattern that makes a backtracking matcher try every split of a long run of "a"
        GlobPattern pattern = GlobPattern.compile("*a*a*a*a*b");
        String noB = "a".repeat(10_000);
        String endsInB = noB + "b";

        // THEN both results are correct
        assertThat(pattern.matches(noB, false)).isFalse();
        assertThat(pattern.matches(endsInB, false)).isTrue();
    }

    @Test
    void literal_text_keeps_wildcards_literal() {
        GlobPattern literal = GlobPattern.literal("team-*?");

        assertThat(literal.matches("team-*?", false)).isTrue();
        assertThat(literal.matches("team-ab", false)).isFalse();
        assertThat(literal.isLiteral()).isTrue();
    }

    @Test
    void builder_mixes_literal_and_pattern() {
        GlobPattern pattern = GlobPattern.builder().appendPattern("home/").appendLiteral("a*b").appendPattern("/*").build();

        assertThat(pattern.matches("home/a*b/notes.txt", false)).isTrue();
        assertThat(pattern.matches("home/axxb/notes.txt", false)).isFalse();
        assertThat(pattern.toString()).isEqualTo("home/a*b/*");
    }

    @Test
    void empty_pattern_matches_only_empty() {
        GlobPattern empty = GlobPattern.compile("");

        assertThat(empty.matches("", false)).isTrue();
        assertThat(empty.matches("a", false)).isFalse();
    }

    @Test
    void star_matches_empty_and_anything() {
        GlobPattern star = GlobPattern.compile("**");

        assertThat(star.matches("", false)).isTrue();
        assertThat(star.matches("arn:aws:s3:::b/k", false)).isTrue();
    }
}
