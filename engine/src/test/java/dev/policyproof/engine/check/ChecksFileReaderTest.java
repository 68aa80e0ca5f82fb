package dev.policyproof.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.policyproof.engine.check.ChecksFile.Check;
import dev.policyproof.engine.ssm.SessionScope;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksFileReaderTest {

    private static final String POLICIES = """
            policies:
              engineer:
                files: [iam/tunnel-only-engineer.json]
            """;

    @TempDir
    Path baseDirectory;

    private ChecksFixture fixture;

    @BeforeEach
    void createProject() {
        fixture = new ChecksFixture(baseDirectory);
    }

    /** Reads {@code yaml} as checks.yaml, expects exactly one problem and returns it after checking its position. */
    private ChecksFileProblem singleProblem(String yaml, String code, int line, String path) {
        return singleProblem("checks.yaml", yaml, code, line, path);
    }

    private ChecksFileProblem singleProblem(String fileName, String text, String code, int line, String path) {
        ChecksFileException error = catchThrowableOfType(ChecksFileException.class, () -> fixture.read(fileName, text));

        assertThat(error).as("exception for %s", code).isNotNull();
        assertThat(error.problems()).hasSize(1);
        ChecksFileProblem problem = error.problems().get(0);
        assertThat(problem.code()).isEqualTo(code);
        assertThat(problem.file()).isEqualTo(fixture.checksPath(fileName));
        assertThat(problem.line()).isEqualTo(line);
        assertThat(problem.path()).isEqualTo(path);
        assertThat(error.getMessage()).contains(fixture.checksPath(fileName) + ":" + line + ":");
        assertThat(error.getMessage()).contains(path.isEmpty() ? ": " + problem.message() : "(" + path + ")");
        return problem;
    }

    @Test
    void reads_the_documented_example() {
        ChecksFile checks = fixture.read("""
                scope:
                  region: eu-west-1
                  account: "123456789012"
                policies:
                  engineer:
                    files: [iam/tunnel-only-engineer.json]
                checks:
                  - name: engineer reaches the bastion only through port forwarding
                    policies: [engineer]
                    expect:
                      - allowsStartSession:
                          onlyWithDocument: [AWS-StartPortForwardingSessionToRemoteHost]
                          onlyForTag: {key: Name, value: app-bastion}
                      - allows:
                          action: ssm:StartSession
                          resource: arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0
                          tags: {Name: app-bastion}
                          context: {aws:SecureTransport: "true", aws:TagKeys: [Name, Team]}
                          principal: arn:aws:iam::111122223333:role/engineer
                      - denies: {action: ssm:SendCommand, resource: "*"}
                """);

        assertThat(checks.scope()).isEqualTo(new SessionScope("aws", "eu-west-1", "123456789012"));
        assertThat(checks.policies().get("engineer").displayNames()).containsExactly("iam/tunnel-only-engineer.json");
        Check check = checks.checks().get(0);
        assertThat(check.name()).isEqualTo("engineer reaches the bastion only through port forwarding");
        assertThat(check.policyIds()).containsExactly("engineer");
        assertThat(check.expectations())
                .extracting(Expectation::description)
                .containsExactly(
                        "allows ssm:StartSession on some target",
                        "allows ssm:StartSession only with AWS-StartPortForwardingSessionToRemoteHost",
                        "allows ssm:StartSession only on targets tagged Name=app-bastion",
                        "allows ssm:StartSession on arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0"
                                + " tagged {Name=app-bastion} by arn:aws:iam::111122223333:role/engineer",
                        "denies ssm:SendCommand on *");
    }

    @Test
    void empty_allows_start_session_expects_only_some_session() {
        ChecksFile checks = fixture.read(POLICIES + """
                checks:
                  - name: some session
                    policies: engineer
                    expect:
                      - allowsStartSession: {}
                      - allowsStartSession:
                """);

        assertThat(checks.checks().get(0).expectations())
                .extracting(Expectation::description)
                .containsExactly("allows ssm:StartSession on some target", "allows ssm:StartSession on some target");
        assertThat(checks.scope()).isEqualTo(SessionScope.DEFAULT);
    }

    @Test
    void keeps_date_like_and_numeric_scalars_as_written() {
        ChecksFile checks = fixture.read("""
                scope:
                  account: 012345678901
                """ + POLICIES + """
                checks:
                  - name: dates stay strings
                    policies: [engineer]
                    expect:
                      - denies:
                          action: ssm:StartSession
                          resource: "*"
                          context: {aws:CurrentTime: 2012-10-17, aws:SecureTransport: true, aws:MultiFactorAuthAge: 010}
                """);

        assertThat(checks.scope().account()).isEqualTo("012345678901");
        assertThat(checks.checks().get(0).expectations().get(0).description()).isEqualTo("denies ssm:StartSession on *");
    }

    @Test
    void reads_json_with_the_json_parser() {
        ChecksFile checks = fixture.read("checks.json", """
                {"policies": {"engineer": {"files": ["iam/tunnel-only-engineer.json"]}},
                 "checks": [{"name": "json", "policies": ["engineer"],
                             "expect": [{"denies": {"action": "ssm:SendCommand", "resource": "*"}}]}]}
                """);

        assertThat(checks.baseName()).isEqualTo("checks");
        assertThat(checks.checks()).hasSize(1);
    }

    @Test
    void fails_when_json_is_invalid() {
        ChecksFileProblem problem = singleProblem("checks.json", """
                {"policies": {},
                 "checks": [,]}
                """, "invalid-syntax", 2, "");

        assertThat(problem.message()).startsWith("invalid JSON: ");
    }

    @Test
    void fails_when_yaml_is_invalid() {
        ChecksFileProblem problem = singleProblem("""
                policies:
                  engineer: [unclosed
                """, "invalid-syntax", 3, "");

        assertThat(problem.message()).startsWith("invalid YAML, while parsing a flow sequence: ");
    }

    @Test
    void fails_on_control_character() {
        ChecksFileProblem problem = singleProblem("policies:\n  engineer: \"a\u0001b\"\n", "invalid-syntax", 2, "");

        assertThat(problem.message()).contains("U+0001");
        assertThat(problem.column()).isEqualTo(15);
    }

    @Test
    void resolves_globs_sorted_and_without_duplicates() {
        fixture.copyPolicy(ChecksFixture.NAIVE, "iam/team/nested/deep.json");
        ChecksFile checks = fixture.read("""
                policies:
                  all:
                    files: ["iam/**/*.json", iam/naive-engineer.json]
                  top:
                    files: iam/*.json
                checks:
                  - name: globs
                    policies: [all, top]
                    expect:
                      - denies: {action: ssm:SendCommand, resource: "*"}
                """);

        assertThat(checks.policies().get("all").displayNames())
                .containsExactly("iam/naive-engineer.json", "iam/team/nested/deep.json",
                        "iam/tunnel-only-engineer.json");
        assertThat(checks.policies().get("top").displayNames())
                .containsExactly("iam/naive-engineer.json", "iam/tunnel-only-engineer.json");
        assertThat(checks.checks().get(0).policySetName()).isEqualTo("all + top");
    }

    @Test
    void fails_on_unknown_key_with_suggestion() {
        ChecksFileProblem problem = singleProblem(POLICIES + """
                checks:
                  - name: typo
                    policies: [engineer]
                    expect:
                      - denies:
                          actoin: ssm:SendCommand
                          action: ssm:SendCommand
                          resource: "*"
                """, "unknown-key", 9, "checks[0].expect[0].denies.actoin");

        assertThat(problem.message())
                .isEqualTo("unknown key \"actoin\" (did you mean \"action\"?); expected one of action, resource, "
                        + "tags, context, principal");
        assertThat(problem.column()).isEqualTo(11);
    }

    @Test
    void fails_on_unknown_top_level_key() {
        ChecksFileProblem problem = singleProblem("""
                scopes: {region: eu-west-1}
                """ + POLICIES + """
                checks:
                  - name: x
                    policies: [engineer]
                    expect: [{denies: {action: ssm:SendCommand, resource: "*"}}]
                """, "unknown-key", 1, "scopes");

        assertThat(problem.message()).contains("did you mean \"scope\"?");
    }

    @Test
    void fails_on_missing_required_key() {
        ChecksFileProblem problem = singleProblem(POLICIES + """
                checks:
                  - name: no resource
                    policies: [engineer]
                    expect:
                      - allows: {action: ssm:StartSession}
                """, "missing-key", 8, "checks[0].expect[0].allows.resource");

        assertThat(problem.message()).startsWith("missing key \"resource\": the resource ARN, such as arn:aws:ec2:");
    }

    @Test
    void fails_on_missing_checks() {
        ChecksFileProblem problem = singleProblem(POLICIES, "missing-key", 1, "checks");

        assertThat(problem.message()).contains("a list of checks");
    }

    @Test
    void fails_on_wrong_type() {
        ChecksFileProblem problem = singleProblem(POLICIES + """
                checks:
                  - name: wrong type
                    policies: [engineer]
                    expect:
                      - allows:
                          action: [ssm:StartSession, ssm:SendCommand]
                          resource: "*"
                """, "wrong-type", 9, "checks[0].expect[0].allows.action");

        assertThat(problem.message()).isEqualTo("expected an IAM action, such as ssm:StartSession, found a list");
    }

    @Test
    void fails_when_expect_is_a_map() {
        ChecksFileProblem problem = singleProblem(POLICIES + """
                checks:
                  - name: map instead of list
                    policies: [engineer]
                    expect:
                      denies: {action: ssm:SendCommand, resource: "*"}
                """, "wrong-type", 8, "checks[0].expect");

        assertThat(problem.message()).contains("expected a list of expectations");
    }

    @Test
    void fails_on_two_kinds_in_one_item() {
        ChecksFileProblem problem = singleProblem(POLICIES + """
                checks:
                  - name: two kinds
                    policies: [engineer]
                    expect:
                      - denies: {action: ssm:SendCommand, resource: "*"}
                        allows: {action: ssm:StartSession, resource: "*"}
                """, "one-expectation-per-item", 8, "checks[0].expect[0]");

        assertThat(problem.message()).contains("write exactly one of allows, denies, allowsStartSession");
    }

    @Test
    void fails_on_duplicate_check_names() {
        ChecksFileProblem problem = singleProblem(POLICIES + """
                checks:
                  - name: same
                    policies: [engineer]
                    expect: [{denies: {action: ssm:SendCommand, resource: "*"}}]
                  - name: same
                    policies: [engineer]
                    expect: [{denies: {action: ssm:SendCommand, resource: "*"}}]
                """, "duplicate-check-name", 8, "checks[1].name");

        assertThat(problem.message()).contains("first at line 5").contains("rename one");
    }

    @Test
    void fails_on_duplicate_keys() {
        ChecksFileProblem problem = singleProblem(POLICIES + """
                checks:
                  - name: one
                    name: two
                    policies: [engineer]
                    expect: [{denies: {action: ssm:SendCommand, resource: "*"}}]
                """, "duplicate-key", 6, "checks[0].name");

        assertThat(problem.message()).contains("first at line 5");
    }

    @Test
    void fails_on_unknown_policy_id() {
        ChecksFileProblem problem = singleProblem(POLICIES + """
                checks:
                  - name: unknown id
                    policies: [engineer, admin]
                    expect: [{denies: {action: ssm:SendCommand, resource: "*"}}]
                """, "unknown-policy-id", 6, "checks[0].policies[1]");

        assertThat(problem.message()).isEqualTo(
                "unknown policy id \"admin\"; declare it under policies or use a declared id (declared: engineer)");
        assertThat(problem.column()).isEqualTo(26);
    }

    @Test
    void fails_when_policy_file_does_not_exist() {
        ChecksFileProblem problem = singleProblem("""
                policies:
                  engineer:
                    files: [iam/missing.json]
                checks:
                  - name: x
                    policies: [engineer]
                    expect: [{denies: {action: ssm:SendCommand, resource: "*"}}]
                """, "file-not-found", 3, "policies.engineer.files[0]");

        assertThat(problem.message())
                .isEqualTo("policy file " + baseDirectory.resolve("iam/missing.json") + " does not exist; fix the "
                        + "path, which is relative to " + baseDirectory);
    }

    @Test
    void fails_when_glob_selects_nothing() {
        ChecksFileProblem problem = singleProblem("""
                policies:
                  engineer:
                    files: ["iam/**/*.yaml"]
                checks:
                  - name: x
                    policies: [engineer]
                    expect: [{denies: {action: ssm:SendCommand, resource: "*"}}]
                """, "glob-selects-nothing", 3, "policies.engineer.files[0]");

        assertThat(problem.message()).startsWith("glob \"iam/**/*.yaml\" selects no file under " + baseDirectory);
    }

    @Test
    void fails_when_check_selects_no_policy() {
        ChecksFileProblem problem = singleProblem(POLICIES + """
                checks:
                  - name: nothing selected
                    policies: []
                    expect: [{denies: {action: ssm:SendCommand, resource: "*"}}]
                """, "no-policy-selected", 6, "checks[0].policies");

        assertThat(problem.message()).isEqualTo("the check selects no policy; list at least one id declared under "
                + "policies (declared: engineer)");
    }

    @Test
    void fails_when_checks_list_is_empty() {
        ChecksFileProblem problem = singleProblem(POLICIES + """
                checks: []
                """, "empty-list", 4, "checks");

        assertThat(problem.message()).startsWith("the checks list is empty");
    }

    @Test
    void fails_on_invalid_account_id() {
        ChecksFileProblem problem = singleProblem("""
                scope:
                  account: "12345"
                """ + POLICIES + """
                checks:
                  - name: x
                    policies: [engineer]
                    expect: [{denies: {action: ssm:SendCommand, resource: "*"}}]
                """, "invalid-account", 2, "scope.account");

        assertThat(problem.message()).startsWith("invalid account ID \"12345\": an AWS account ID has exactly 12 "
                + "digits");
    }

    @Test
    void fails_on_unknown_policy_kind() {
        ChecksFileProblem problem = singleProblem("""
                policies:
                  engineer:
                    kind: boundary
                    files: [iam/tunnel-only-engineer.json]
                checks:
                  - name: x
                    policies: [engineer]
                    expect: [{denies: {action: ssm:SendCommand, resource: "*"}}]
                """, "unsupported-kind", 3, "policies.engineer.kind");

        assertThat(problem.message()).contains("unknown policy kind \"boundary\"");
    }

    @Test
    void fails_when_resource_policy_is_used_as_identity_policy() {
        ChecksFileProblem problem = singleProblem("""
                policies:
                  bucket:
                    kind: resource
                    files: [iam/tunnel-only-engineer.json]
                checks:
                  - name: x
                    policies: [bucket]
                    expect: [{denies: {action: ssm:SendCommand, resource: "*"}}]
                """, "wrong-policy-kind", 7, "checks[0].policies[0]");

        assertThat(problem.message()).contains("is a resource policy and cannot serve as policies");
    }

    @Test
    void fails_when_boundary_selects_several_files() {
        ChecksFileProblem problem = singleProblem("""
                policies:
                  engineer:
                    files: [iam/tunnel-only-engineer.json]
                  limits:
                    files: [iam/*.json]
                checks:
                  - name: x
                    policies: [engineer]
                    permissionsBoundary: limits
                    expect: [{denies: {action: ssm:SendCommand, resource: "*"}}]
                """, "one-file-expected", 9, "checks[0].permissionsBoundary");

        assertThat(problem.message()).contains("takes one policy file");
    }

    @Test
    void reads_policy_roles_of_a_check() {
        fixture.write("iam/boundary.json", """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "ssm:DescribeSessions", "Resource": "*"}]}""");
        fixture.write("iam/root-scp.json", """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""");

        ChecksFile checks = fixture.read("""
                policies:
                  engineer: {files: [iam/tunnel-only-engineer.json]}
                  limits: {files: [iam/boundary.json]}
                  root: {files: [iam/root-scp.json]}
                checks:
                  - name: boundary removes the tunnel
                    policies: [engineer]
                    permissionsBoundary: limits
                    scp: [root, [root]]
                    expect:
                      - denies:
                          action: ssm:StartSession
                          resource: arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0
                          tags: {Name: app-bastion}
                """);
        SuiteResult result = SuiteRunner.run(CheckSuite.load(checks));

        assertThat(checks.checks().get(0).roles().permissionsBoundary()).isEqualTo("limits");
        assertThat(checks.checks().get(0).roles().scpLevels()).containsExactly(List.of("root"), List.of("root"));
        assertThat(result.failedCount()).isZero();
        assertThat(result.outcomes()).hasSize(1);
    }

    @Test
    void reports_every_problem_at_once() {
        ChecksFileException error = catchThrowableOfType(ChecksFileException.class, () -> fixture.read("""
                policies:
                  engineer:
                    files: [iam/missing.json]
                checks:
                  - name: x
                    policies: [engineer]
                    expect:
                      - allows: {action: ssm:StartSession, resource: "*", tag: {Name: a}}
                      - denies: {resource: "*"}
                """));

        assertThat(error.problems())
                .extracting(ChecksFileProblem::code)
                .containsExactly("file-not-found", "unknown-key", "missing-key");
        assertThat(error.getMessage()).startsWith("Invalid checks file, 3 problems:");
    }

    @Test
    void fails_fast_on_alias_bomb() {
        ChecksFileProblem problem = singleProblem("""
                a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
                b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
                c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
                d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
                e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
                f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
                g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
                """, "yaml-anchor", 1, "a");

        assertThat(problem.message()).startsWith("YAML anchor &a is not supported");
    }

    @Test
    void fails_on_alias() {
        ChecksFileProblem problem = singleProblem("""
                policies:
                  engineer:
                    files: *files
                """, "yaml-alias", 3, "policies.engineer.files");

        assertThat(problem.message()).isEqualTo("YAML alias *files is not supported; write the value out in full");
    }

    @Test
    void fails_fast_on_deep_nesting() {
        String deep = "[".repeat(LocatedTreeReader.MAX_NESTING_DEPTH + 1) + "]".repeat(
                LocatedTreeReader.MAX_NESTING_DEPTH + 1);

        ChecksFileProblem problem = singleProblem("checks: " + deep + "\n", "limit-exceeded", 1, "");

        assertThat(problem.message()).contains("nesting depth");
    }

    @Test
    void fails_fast_on_oversized_file() {
        String huge = "checks: \"" + "x".repeat(LocatedTreeReader.MAX_CODE_POINTS) + "\"\n";

        ChecksFileException error = catchThrowableOfType(ChecksFileException.class, () -> fixture.read(huge));

        assertThat(error).isNotNull();
        assertThat(error.problems()).hasSize(1);
        assertThat(error.problems().get(0).code()).isEqualTo("limit-exceeded");
        assertThat(error.problems().get(0).message())
                .isEqualTo("Document length (1000011) exceeds the maximum allowed (1000000, from "
                        + "`StreamReadConstraints.getMaxDocumentLength()`); simplify the checks file");
    }

    @Test
    void fails_on_several_documents() {
        ChecksFileProblem problem = singleProblem(POLICIES + "---\n" + POLICIES, "several-documents", 5, "");

        assertThat(problem.message()).contains("a checks file contains one document");
    }

    @Test
    void fails_when_checks_file_is_missing() {
        Path missing = baseDirectory.resolve("src/test/policyproof/checks.yaml");

        assertThatThrownBy(() -> ChecksFileReader.relativeTo(baseDirectory).read(missing))
                .isInstanceOf(ChecksFileException.class)
                .hasMessage("Invalid checks file: " + missing + ": checks file not found; create it or point to an "
                        + "existing one [file-not-found]");
    }

    @Test
    void describes_the_default_path() {
        assertThat(ChecksFileReader.DEFAULT_PATH).isEqualTo("src/test/policyproof/checks.yaml");
        assertThat(List.of(fixture.read(POLICIES + """
                checks:
                  - name: x
                    policies: [engineer]
                    expect: [{denies: {action: ssm:SendCommand, resource: "*"}}]
                """).file())).containsExactly(fixture.checksPath("checks.yaml"));
    }

    @Test
    void reads_proven_expectations() {
        ChecksFile checks = fixture.read("""
                policies:
                  engineer: {files: [iam/tunnel-only-engineer.json]}
                checks:
                  - name: proven
                    policies: [engineer]
                    expect:
                      - doesNotAllowShellOn: arn:aws:ec2:*:*:instance/*
                      - endsOnlyOwnSessions: {}
                      - neverAllows: {actions: [ssm:SendCommand]}
                      - grantsOnly:
                          - actions: [ssm:StartSession]
                          - actions: [ssm:TerminateSession, ssm:ResumeSession]
                """);
        SuiteResult result = SuiteRunner.run(CheckSuite.load(checks));

        assertThat(checks.checks().get(0).expectations()).extracting(Expectation::description).containsExactly(
                "does not allow a shell on arn:aws:ec2:*:*:instance/*",
                "ends and resumes only the caller's own sessions",
                "never allows ssm:SendCommand on any resource",
                "grants only ssm:StartSession on any resource; ssm:TerminateSession, ssm:ResumeSession on any resource");
        assertThat(result.failedCount()).isZero();
    }

    @Test
    void flag_expectation_rejects_settings() {
        ChecksFileProblem problem = singleProblem("""
                policies:
                  engineer: {files: [iam/tunnel-only-engineer.json]}
                checks:
                  - name: x
                    policies: [engineer]
                    expect:
                      - endsOnlyOwnSessions: false
                """, "unexpected-value", 7, "checks[0].expect[0].endsOnlyOwnSessions");

        assertThat(problem.message()).contains("takes no settings");
    }

    @Test
    void compares_with_baseline_files() {
        ChecksFile checks = fixture.read("""
                policies:
                  naive: {files: [iam/naive-engineer.json]}
                checks:
                  - name: same as before
                    policies: [naive]
                    expect:
                      - grantsNoNewAccessComparedTo: {files: [iam/naive-engineer.json]}
                  - name: wider than the tunnel
                    policies: [naive]
                    expect:
                      - grantsNoNewAccessComparedTo: {files: [iam/tunnel-only-engineer.json]}
                """);
        SuiteResult result = SuiteRunner.run(CheckSuite.load(checks));

        assertThat(result.outcomes()).hasSize(2);
        assertThat(result.outcomes().get(0).result().passed()).isTrue();
        assertThat(result.outcomes().get(1).result().passed()).isFalse();
        assertThat(result.outcomes().get(1).result().failureMessage()).contains("ssm:StartSession");
    }

    @Test
    void baseline_file_must_exist() {
        ChecksFileProblem problem = singleProblem("""
                policies:
                  naive: {files: [iam/naive-engineer.json]}
                checks:
                  - name: x
                    policies: [naive]
                    expect:
                      - grantsNoNewAccessComparedTo: {files: [iam/deployed.json]}
                """, "file-not-found", 7, "checks[0].expect[0].grantsNoNewAccessComparedTo");

        assertThat(problem.message()).contains("baseline policy file");
    }

    @Test
    void misspelled_request_action_is_rejected() {
        ChecksFileProblem problem = singleProblem("""
                policies:
                  naive: {files: [iam/naive-engineer.json]}
                checks:
                  - name: x
                    policies: [naive]
                    expect:
                      - denies: {action: ssm:SendComand, resource: "arn:aws:ec2:us-east-1:111122223333:instance/i-1"}
                """, "unknown-action", 7, "checks[0].expect[0].denies.action");

        assertThat(problem.message()).contains("unknown action \"ssm:SendComand\"");
    }

    @Test
    void scope_with_short_resource_is_rejected() {
        ChecksFileProblem problem = singleProblem("""
                policies:
                  naive: {files: [iam/naive-engineer.json]}
                checks:
                  - name: x
                    policies: [naive]
                    expect:
                      - neverAllows: {actions: [s3:GetObject], resources: ["arn:aws:s3:prod-bucket/*"]}
                """, "invalid-resource", 7, "checks[0].expect[0].neverAllows");

        assertThat(problem.message()).contains("six colon-separated fields");
    }

    @Test
    void malformed_context_value_is_rejected() {
        ChecksFileProblem problem = singleProblem("""
                policies:
                  naive: {files: [iam/naive-engineer.json]}
                checks:
                  - name: x
                    policies: [naive]
                    expect:
                      - denies: {action: ssm:StartSession, resource: "*", context: {aws:CurrentTime: yesterday}}
                """, "invalid-context-value", 7, "checks[0].expect[0].denies.context");

        assertThat(problem.message()).contains("invalid value \"yesterday\" for aws:CurrentTime");
    }
}
