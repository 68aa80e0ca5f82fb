package dev.policyproof.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaExpectationTest {

    private static final String FIXTURES = JavaExpectationFixtures.class.getName() + "$";

    @TempDir
    Path directory;

    private ChecksFixture fixture;

    @BeforeEach
    void createProject() {
        fixture = new ChecksFixture(directory);
    }

    private static String checksFile(String className) {
        return """
                policies:
                  engineer: {files: [iam/tunnel-only-engineer.json]}
                checks:
                  - name: team rules
                    policies: [engineer]
                    expect:
                      - java: %s
                """.formatted(className);
    }

    @Test
    void java_expectation_runs_and_passes() {
        ChecksFile checks = fixture.read(checksFile(FIXTURES + "NeverSendsCommands"));

        SuiteResult result = SuiteRunner.run(CheckSuite.load(checks));

        Expectation expectation = checks.checks().get(0).expectations().get(0);
        assertThat(expectation).isInstanceOf(JavaExpectationFixtures.NeverSendsCommands.class);
        assertThat(expectation.description()).isEqualTo("team rule: never allows ssm:SendCommand on any resource");
        assertThat(expectation.ruleId()).isEqualTo("TEAM-001");
        assertThat(result.outcomes()).hasSize(1);
        assertThat(result.failedCount()).isZero();
    }

    @Test
    void java_expectation_failure_is_reported() {
        ChecksFile checks = fixture.read(checksFile(FIXTURES + "NeverStartsSessions"));

        SuiteResult result = SuiteRunner.run(CheckSuite.load(checks));

        assertThat(result.failedCount()).isEqualTo(1);
        assertThat(result.outcomes().get(0).result().failure().orElseThrow()).contains("team rules", "ssm:StartSession");
    }

    @Test
    void class_loader_is_configurable() {
        ClassLoader empty = new ClassLoader(null) {};
        Path file = fixture.write("checks.yaml", checksFile(FIXTURES + "NeverSendsCommands"));

        ChecksFileException error = catchThrowableOfType(ChecksFileException.class,
                () -> ChecksFileReader.relativeTo(directory).classLoader(empty).read(file));

        assertThat(error).isNotNull();
        assertThat(error.problems()).extracting(ChecksFileProblem::code).containsExactly("class-not-found");
    }

    @ParameterizedTest
    @CsvSource({
        "com.example.MissingCheck, class-not-found, add the jar that contains it",
        "java.lang.String, not-an-expectation, does not implement dev.policyproof.engine.check.Expectation",
        "NeedsArgument, missing-constructor, no public constructor without parameters",
        "FailsToStart, constructor-failed, IllegalStateException: the team account is not configured",
        "Incomplete, class-not-instantiable, make the class public, concrete and static",
    })
    void unusable_class_is_rejected(String name, String code, String message) {
        String className = name.contains(".") ? name : FIXTURES + name;
        Path file = fixture.write("checks.yaml", checksFile(className));

        ChecksFileException error = catchThrowableOfType(ChecksFileException.class,
                () -> ChecksFileReader.relativeTo(directory).read(file));

        assertThat(error).isNotNull();
        assertThat(error.problems()).hasSize(1);
        ChecksFileProblem problem = error.problems().get(0);
        assertThat(problem.code()).isEqualTo(code);
        assertThat(problem.message()).contains(message);
        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.path()).isEqualTo("checks[0].expect[0].java");
    }
}
