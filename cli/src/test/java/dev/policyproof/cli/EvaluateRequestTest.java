package dev.policyproof.cli;

import static dev.policyproof.cli.CliRun.POLICIES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateRequestTest {

    private static final String READER = POLICIES + "reports-reader.json";
    private static final String PAYROLL = "arn:aws:s3:::reports/payroll/2026-01.csv";
    private static final String REPORT = "arn:aws:s3:::reports/2026/q1.csv";
    private static final String FULL_ACCESS = POLICIES + "scp-full-access.json";
    private static final String US_EAST_1_ONLY = POLICIES + "scp-us-east-1-only.json";

    @Test
    void prints_text_explanation_by_default() {
        // WHEN a request matches an Allow and a Deny
        CliRun run = CliRun.of("evaluate", "--policy", READER, "--action", "s3:GetObject", "--resource", PAYROLL);

        // THEN the Deny decides, and the text names its Sid and line
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines().get(0)).isEqualTo("decision: EXPLICIT_DENY");
        assertThat(run.outLines().get(1)).isEqualTo("  because explicit deny: statement 2 of 2, Sid \"DenyPayroll\","
                + " line 10 of " + READER);
        assertThat(run.out()).contains("identity policy: " + READER);
    }

    @Test
    void prints_json_with_format_json() throws Exception {
        CliRun run = CliRun.of(
                "evaluate", "--policy", READER, "--action", "s3:GetObject", "--resource", PAYROLL, "--format", "json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(json.get("decision").asText()).isEqualTo("EXPLICIT_DENY");
        assertThat(json.get("policies").get(0).get("name").asText()).isEqualTo(READER);
        assertThat(json.get("policies").get(0).get("statements").get(1).get("sid").asText()).isEqualTo("DenyPayroll");
        assertThat(json.get("policies").get(0).get("statements").get(1).get("applies").asBoolean()).isTrue();
    }

    @Test
    void scp_level_denies_other_region() {
        // GIVEN FullAWSAccess at the root and a Region deny beside it at the account's level
        String[] args = {"evaluate", "--policy", READER, "--action", "s3:GetObject", "--resource", REPORT,
            "--scp-level", FULL_ACCESS, "--scp-level", FULL_ACCESS + "," + US_EAST_1_ONLY, "--context", ""};

        // WHEN the request goes to eu-west-1, then to us-east-1
        args[args.length - 1] = "aws:RequestedRegion=eu-west-1";
        CliRun outside = CliRun.of(args);
        args[args.length - 1] = "aws:RequestedRegion=us-east-1";
        CliRun inside = CliRun.of(args);

        // THEN the SCP at level 2 denies the first and every level allows the second
        assertThat(outside.outLines().get(0)).isEqualTo("decision: EXPLICIT_DENY");
        assertThat(outside.outLines().get(1)).contains("Sid \"DenyOutsideUsEast1\"", "level 2");
        assertThat(inside.outLines().get(0)).isEqualTo("decision: ALLOW");
        assertThat(inside.outLines().get(1)).isEqualTo("  because every SCP level allows the request");
    }

    @Test
    void scp_level_without_allow_denies() {
        // GIVEN a level whose only SCP denies, so nothing at that level allows
        CliRun run = CliRun.of("evaluate", "--policy", READER, "--action", "s3:GetObject", "--resource", REPORT,
                "--scp-level", FULL_ACCESS, "--scp-level", US_EAST_1_ONLY, "--context", "aws:RequestedRegion=us-east-1");

        assertThat(run.outLines().get(0)).isEqualTo("decision: IMPLICIT_DENY");
        assertThat(run.outLines().get(1)).isEqualTo(
                "  because implicit deny: no SCP at organization level 2 of 2 allows the request, and every level must");
    }

    @Test
    void boundary_without_grant_denies() {
        CliRun run = CliRun.of("evaluate", "--policy", READER, "--action", "s3:GetObject", "--resource", REPORT,
                "--boundary", POLICIES + "boundary-ec2-only.json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines().get(0)).isEqualTo("decision: IMPLICIT_DENY");
        assertThat(run.out()).contains("because implicit deny: the permissions boundary does not allow the request");
    }

    @Test
    void resource_policy_grants_same_account_role() {
        CliRun run = CliRun.of("evaluate", "--resource-policy", POLICIES + "reports-bucket.json",
                "--action", "s3:GetObject", "--resource", REPORT, "--resource-account", "111122223333",
                "--principal", "arn:aws:sts::111122223333:assumed-role/auditor/alice");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines().get(0)).isEqualTo("decision: ALLOW");
        assertThat(run.out()).contains("resource policy: " + POLICIES + "reports-bucket.json");
    }

    @Test
    void output_option_writes_file(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("decision.txt");

        CliRun run = CliRun.of("evaluate", "--policy", READER, "--action", "s3:GetObject", "--resource", REPORT,
                "--output", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8).get(0)).isEqualTo("decision: ALLOW");
    }
}
