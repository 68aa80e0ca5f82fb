package dev.policyproof.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed identity policies, each with the problem the strict parser must report: its code, and the file, line,
 * column and JSON pointer it points to. Lines and columns are 1-based and point at the offending key or value.
 * Sources: IAM User Guide pages "IAM JSON policy grammar", "IAM JSON policy elements: Effect", "... Sid",
 * "... Version", "... Resource", "... Principal", "... Condition operators" and "IAM policy elements: Variables and
 * tags".
 */
class PolicyParserErrorTest {

    /** One malformed document and the problem expected among those reported. */
    record Malformed(String id, String json, String code, int line, int column, String pointer) {
        String fileName() {
            return "malformed/" + id + ".json";
        }

        @Override
        public String toString() {
            return id + " -> " + code;
        }
    }

    /** Wraps a statement body, which starts at line 5, into a policy. The statement object opens at line 4, column 5. */
    private static String statement(String body) {
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                """ + body.indent(6) + """
                    }
                  ]
                }
                """;
    }

    /** Builds a statement whose condition operators start at line 9, column 9. */
    private static String condition(String operators) {
        return statement("""
                "Effect": "Allow",
                "Action": "s3:GetObject",
                "Resource": "*",
                "Condition": {
                """ + operators.indent(2) + "}");
    }

    static Stream<Malformed> malformed() {
        return Stream.of(
                new Malformed("missing-comma", statement("""
                        "Effect": "Allow"
                        "Action": "s3:GetObject",
                        "Resource": "*"
                        """), "invalid-json", 6, 7, ""),
                new Malformed("trailing-comma", statement("""
                        "Effect": "Allow",
                        "Action": ["s3:GetObject",],
                        "Resource": "*"
                        """), "invalid-json", 6, 33, ""),
                new Malformed("comment", statement("""
                        // read access
                        "Effect": "Allow",
                        "Action": "s3:GetObject",
                        "Resource": "*"
                        """), "invalid-json", 5, 7, ""),
                new Malformed("trailing-content", statement("""
                        "Effect": "Allow",
                        "Action": "s3:GetObject",
                        "Resource": "*"
                        """) + "{}\n", "invalid-json", 11, 1, ""),
                new Malformed("duplicate-key", statement("""
                        "Effect": "Allow",
                        "Effect": "Deny",
                        "Action": "s3:GetObject",
                        "Resource": "*"
                        """), "duplicate-key", 6, 7, "/Statement/0/Effect"),
                new Malformed("unknown-policy-element", """
                        {
                          "Versoin": "2012-10-17",
                          "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}
                        }
                        """, "unknown-element", 2, 3, "/Versoin"),
                new Malformed("lower-case-effect", statement("""
                        "effect": "Allow",
                        "Action": "s3:GetObject",
                        "Resource": "*"
                        """), "unknown-element", 5, 7, "/Statement/0/effect"),
                new Malformed("unknown-statement-element", statement("""
                        "Effect": "Allow",
                        "Actions": "s3:GetObject",
                        "Resource": "*"
                        """), "unknown-element", 6, 7, "/Statement/0/Actions"),
                new Malformed("missing-effect", statement("""
                        "Action": "s3:GetObject",
                        "Resource": "*"
                        """), "missing-element", 4, 5, "/Statement/0"),
                new Malformed("invalid-effect", statement("""
                        "Effect": "allow",
                        "Action": "s3:GetObject",
                        "Resource": "*"
                        """), "invalid-effect", 5, 17, "/Statement/0/Effect"),
                new Malformed("action-and-not-action", statement("""
                        "Effect": "Allow",
                        "Action": "s3:GetObject",
                        "NotAction": "s3:PutObject",
                        "Resource": "*"
                        """), "action-and-notaction", 7, 7, "/Statement/0/NotAction"),
                new Malformed("neither-action-nor-not-action", statement("""
                        "Effect": "Allow",
                        "Resource": "*"
                        """), "missing-element", 4, 5, "/Statement/0"),
                new Malformed("non-string-action", statement("""
                        "Effect": "Allow",
                        "Action": ["s3:GetObject", 42],
                        "Resource": "*"
                        """), "invalid-type", 6, 34, "/Statement/0/Action/1"),
                new Malformed("invalid-action", statement("""
                        "Effect": "Allow",
                        "Action": "s3GetObject",
                        "Resource": "*"
                        """), "invalid-action", 6, 17, "/Statement/0/Action"),
                new Malformed("empty-statement-array", """
                        {
                          "Version": "2012-10-17",
                          "Statement": []
                        }
                        """, "empty-statement", 3, 16, "/Statement"),
                new Malformed("statement-not-an-object", """
                        {
                          "Version": "2012-10-17",
                          "Statement": ["Allow everything"]
                        }
                        """, "invalid-type", 3, 17, "/Statement/0"),
                new Malformed("unknown-operator-wrong-case", condition("""
                        "stringEquals": {"aws:PrincipalTag/team": "red"}
                        """), "unknown-operator", 9, 9, "/Statement/0/Condition/stringEquals"),
                new Malformed("two-set-qualifiers", condition("""
                        "ForAllValues:ForAnyValue:StringLike": {"aws:TagKeys": "env"}
                        """), "unknown-operator", 9, 9, "/Statement/0/Condition/ForAllValues:ForAnyValue:StringLike"),
                new Malformed("null-if-exists", condition("""
                        "NullIfExists": {"aws:MultiFactorAuthAge": "true"}
                        """), "invalid-operator", 9, 9, "/Statement/0/Condition/NullIfExists"),
                new Malformed("bool-not-a-boolean", condition("""
                        "Bool": {"aws:SecureTransport": "yes"}
                        """), "invalid-condition-value", 9, 41, "/Statement/0/Condition/Bool/aws:SecureTransport"),
                new Malformed("date-not-a-date", condition("""
                        "DateLessThan": {"aws:CurrentTime": "tomorrow"}
                        """), "invalid-condition-value", 9, 45, "/Statement/0/Condition/DateLessThan/aws:CurrentTime"),
                new Malformed("ip-octet-out-of-range", condition("""
                        "IpAddress": {"aws:SourceIp": "10.0.0.256/24"}
                        """), "invalid-condition-value", 9, 39, "/Statement/0/Condition/IpAddress/aws:SourceIp"),
                new Malformed("numeric-second-value-not-a-number", condition("""
                        "NumericLessThan": {"aws:MultiFactorAuthAge": ["3600", "one hour"]}
                        """), "invalid-condition-value", 9, 64,
                        "/Statement/0/Condition/NumericLessThan/aws:MultiFactorAuthAge/1"),
                new Malformed("numeric-variable", condition("""
                        "NumericLessThan": {"aws:MultiFactorAuthAge": "${aws:username}"}
                        """), "invalid-condition-value", 9, 55,
                        "/Statement/0/Condition/NumericLessThan/aws:MultiFactorAuthAge"),
                new Malformed("condition-value-null", condition("""
                        "StringEquals": {"aws:PrincipalTag/team": null}
                        """), "invalid-type", 9, 51, "/Statement/0/Condition/StringEquals/aws:PrincipalTag~1team"),
                new Malformed("unclosed-variable-in-condition", condition("""
                        "StringEquals": {"aws:PrincipalTag/team": "${aws:username"}
                        """), "invalid-condition-value", 9, 51,
                        "/Statement/0/Condition/StringEquals/aws:PrincipalTag~1team"),
                new Malformed("principal-in-identity-policy", statement("""
                        "Effect": "Allow",
                        "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                        "Action": "s3:GetObject",
                        "Resource": "*"
                        """), "principal-not-allowed", 6, 7, "/Statement/0/Principal"),
                new Malformed("duplicate-sid", """
                        {
                          "Version": "2012-10-17",
                          "Statement": [
                            {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
                            {"Sid": "Read", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}
                          ]
                        }
                        """, "duplicate-sid", 5, 13, "/Statement/1/Sid"),
                new Malformed("sid-with-space", """
                        {
                          "Version": "2012-10-17",
                          "Statement": [
                            {"Sid": "Read all", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}
                          ]
                        }
                        """, "invalid-sid", 4, 13, "/Statement/0/Sid"),
                new Malformed("invalid-version", """
                        {
                          "Version": "2012-10-18",
                          "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}
                        }
                        """, "invalid-version", 2, 14, "/Version"),
                new Malformed("version-as-number", """
                        {
                          "Version": 2012,
                          "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}
                        }
                        """, "invalid-type", 2, 14, "/Version"),
                new Malformed("resource-with-four-fields", statement("""
                        "Effect": "Allow",
                        "Action": "s3:GetObject",
                        "Resource": "arn:aws:s3:reports"
                        """), "invalid-resource", 7, 19, "/Statement/0/Resource"),
                new Malformed("unclosed-variable-in-resource", statement("""
                        "Effect": "Allow",
                        "Action": "s3:GetObject",
                        "Resource": ["arn:aws:s3:::home/${aws:username/*"]
                        """), "invalid-variable", 7, 20, "/Statement/0/Resource/0"),
                new Malformed("top-level-array", "[]\n", "invalid-type", 1, 1, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void reports_problem_with_location(Malformed malformed) {
        // WHEN the parser reads the malformed document
        PolicyParseException error = catchThrowableOfType(
                PolicyParseException.class,
                () -> PolicyParser.identity().parse(malformed.fileName(), malformed.json()));

        // THEN one of the reported problems has the expected code and points where expected
        assertThat(error).as("parse exception for %s", malformed.id()).isNotNull();
        Problem problem = error.problems().stream()
                .filter(p -> p.code().equals(malformed.code()))
                .findFirst()
                .orElse(null);
        assertThat(problem).as("problem %s among %s", malformed.code(), error.problems()).isNotNull();
        SourceLocation location = problem.location();
        assertThat(location.source()).as("file").isEqualTo(malformed.fileName());
        assertThat(location.line()).as("line").isEqualTo(malformed.line());
        assertThat(location.column()).as("column").isEqualTo(malformed.column());
        assertThat(location.pointer()).as("JSON pointer").isEqualTo(malformed.pointer());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void message_names_file_and_code(Malformed malformed) {
        PolicyParseException error = catchThrowableOfType(
                PolicyParseException.class,
                () -> PolicyParser.identity().parse(malformed.fileName(), malformed.json()));

        assertThat(error).as("parse exception for %s", malformed.id()).isNotNull();
        assertThat(error.getMessage()).contains(malformed.fileName() + ":" + malformed.line() + ":");
        assertThat(error.getMessage()).contains("[" + malformed.code() + "]");
    }

    @Test
    void table_covers_distinct_codes() {
        List<String> codes = malformed().map(Malformed::code).distinct().toList();

        assertThat(codes).hasSizeGreaterThanOrEqualTo(14);
    }
}
