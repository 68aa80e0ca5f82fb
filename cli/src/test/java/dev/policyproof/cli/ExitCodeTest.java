package dev.policyproof.cli;

import static dev.policyproof.cli.CliRun.CASES;
import static dev.policyproof.cli.CliRun.POLICIES;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Command;

class ExitCodeTest {

    private static final String READER = POLICIES + "reports-reader.json";
    private static final String INSTANCE = "arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0";

    private static String[] request(String... more) {
        String[] base = {"evaluate", "--policy", READER, "--action", "s3:GetObject", "--resource", "*"};
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void exits_0_when_request_is_denied() {
        CliRun run = CliRun.of("evaluate", "--policy", READER, "--action", "s3:DeleteObject", "--resource", "*");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines().get(0)).isEqualTo("decision: IMPLICIT_DENY");
    }

    @Test
    void exits_2_on_broken_policy() {
        CliRun run = CliRun.of(
                "evaluate", "--policy", POLICIES + "broken-effect.json", "--action", "s3:GetObject", "--resource", "*");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("Invalid policy: " + POLICIES + "broken-effect.json:6:17"
                + " (/Statement/0/Effect): invalid Effect \"allow\"; use \"Allow\" or \"Deny\", spelled exactly so"
                + " [invalid-effect]");
    }

    @Test
    void exits_2_on_invalid_case_line() {
        CliRun run = CliRun.of("evaluate", "--cases", CASES + "invalid-line.jsonl");

        // THEN the valid first case is written, and the message names the file, line and column of the second
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.outLines()).hasSize(1);
        assertThat(run.errLines()).containsExactly(CASES + "invalid-line.jsonl:2:99"
                + " (/policies/identity/0/Statement/0/Effect): invalid policy: invalid Effect \"allow\"; use \"Allow\""
                + " or \"Deny\", spelled exactly so [invalid-effect]");
    }

    @Test
    void exits_2_on_action_pattern(@TempDir Path directory) {
        CliRun run = CliRun.of("evaluate", "--policy", READER, "--action", "s3:Get*", "--resource", "*");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("invalid request action \"s3:Get*\"");
    }

    @Test
    void exits_2_on_empty_cases_file(@TempDir Path directory) throws java.io.IOException {
        Path empty = java.nio.file.Files.writeString(directory.resolve("empty.jsonl"), "\n\n");

        CliRun run = CliRun.of("evaluate", "--cases", empty.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("No case found in " + empty);
    }

    @Test
    void exits_2_on_malformed_context_value() {
        CliRun run = CliRun.of("evaluate", "--policy", READER, "--action", "s3:GetObject", "--resource", "*",
                "--context", "aws:SourceIp=203.0.113.300");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("invalid value \"203.0.113.300\" for aws:SourceIp");
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                Arguments.of(new String[] {"evaluate", "--bogus"}, "Unknown option: '--bogus'"),
                Arguments.of(request("--policy", "missing.json"), "File not found: missing.json (--policy)"),
                Arguments.of(
                        new String[] {"evaluate", "--cases", "missing.jsonl"},
                        "File not found: missing.jsonl (--cases)"),
                Arguments.of(
                        new String[] {"evaluate", "--policy", READER},
                        "Missing required options: --action, --resource. A single request needs them, or use"
                                + " --cases FILE"),
                Arguments.of(
                        new String[] {"evaluate", "--cases", CASES + "small.jsonl", "--policy", READER},
                        "--cases cannot be combined with --policy, because each case carries its own policies and"
                                + " request"),
                Arguments.of(
                        request("--context", "aws:RequestedRegion"),
                        "Invalid --context value \"aws:RequestedRegion\": expected KEY=VALUE, such as"
                                + " aws:RequestedRegion=us-east-1"),
                Arguments.of(
                        request("--principal", "alice"),
                        "Invalid --principal value: \"alice\" is not a principal; use an IAM user or role ARN, an"
                                + " assumed-role session ARN, a service principal such as ssm.amazonaws.com, or *"),
                Arguments.of(
                        request("--resource-account", "1111"),
                        "Invalid --resource-account value \"1111\": expected a 12-digit account ID"),
                Arguments.of(
                        request("--document", "AWS-StartSSHSession"),
                        "--document applies only to ssm:StartSession on an instance or managed instance ARN, not to"
                                + " s3:GetObject on *"),
                Arguments.of(
                        request("--scp-level", POLICIES + "scp-full-access.json,"),
                        "Invalid --scp-level value \"" + POLICIES + "scp-full-access.json,\": empty file name. List the"
                                + " policy files of one level separated by commas, such as"
                                + " root.json,deny-regions.json"),
                Arguments.of(
                        request("--format", "yaml"),
                        "Invalid value for option '--format': expected one of [text, json] (case-sensitive) but was"
                                + " 'yaml'"),
                Arguments.of(
                        new String[] {}, "Missing command: use policyproof evaluate or policyproof catalog refresh"));
    }

    @ParameterizedTest
    @MethodSource("invalidInputs")
    void exits_2_on_invalid_input(String[] args, String message) {
        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines().get(0)).isEqualTo(message);
        assertThat(run.errLines()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void exits_2_when_output_directory_missing(@TempDir Path directory) {
        Path output = directory.resolve("absent/out.txt");

        CliRun run = CliRun.of(request("--output", output.toString()));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "Cannot open output file " + output + " (--output): its directory does not exist");
    }

    @Test
    void exits_2_on_session_policy_of_wrong_kind() {
        // GIVEN a resource policy, which names a Principal, given where an identity policy belongs
        CliRun run = CliRun.of("evaluate", "--policy", POLICIES + "reports-bucket.json", "--action",
                "ssm:StartSession", "--resource", INSTANCE);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines().get(0)).startsWith("Invalid policy: " + POLICIES + "reports-bucket.json:7:");
    }

    @Test
    void exits_1_on_internal_error() {
        CliRun run = CliRun.with(
                commandLine -> commandLine.addSubcommand("crash", new CrashingCommand()), "crash");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines().get(0))
                .isEqualTo("policyproof: internal error, please report it with the command and its input files:");
        assertThat(run.errLines().get(1)).isEqualTo("java.lang.IllegalStateException: simulated bug");
    }

    @Test
    void help_exits_0() {
        CliRun run = CliRun.of("evaluate", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines().get(0)).startsWith("Usage: policyproof evaluate --policy=FILE...");
        assertThat(run.out()).contains("--scp-level=FILE[,FILE...]", "Exit codes:");
    }

    @Test
    void version_names_project_version() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).matches("policyproof \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Command(name = "crash")
    static final class CrashingCommand implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("simulated bug");
        }
    }
}
