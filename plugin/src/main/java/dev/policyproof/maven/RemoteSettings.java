package dev.policyproof.maven;

import dev.policyproof.aws.FindingSeverity;
import dev.policyproof.aws.RemoteCheckException;
import dev.policyproof.aws.RemoteChecks;
import dev.policyproof.engine.check.CheckOutcome;
import dev.policyproof.engine.check.CheckSuite;
import dev.policyproof.engine.check.SuiteResult;
import dev.policyproof.engine.report.Reports;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.jspecify.annotations.Nullable;

/**
 * The mojo's remote-check parameters, and the adapter that runs {@link RemoteStep} with them: it decides whether to
 * run at all, builds the clients, and turns remote errors into build errors once.
 */
final class RemoteSettings {

    static final String REGION = "policyproof.aws.region";
    static final String PROFILE = "policyproof.aws.profile";
    static final String ENDPOINT = "policyproof.aws.endpoint";
    static final String FINDING_THRESHOLD = "policyproof.aws.findingThreshold";

    private final boolean enabled;
    private final boolean offline;
    private final @Nullable String region;
    private final @Nullable String profile;
    private final @Nullable String endpoint;
    private final @Nullable String findingThreshold;

    RemoteSettings(boolean enabled, boolean offline, @Nullable String region, @Nullable String profile,
            @Nullable String endpoint, @Nullable String findingThreshold) {
        this.enabled = enabled;
        this.offline = offline;
        this.region = region;
        this.profile = profile;
        this.endpoint = endpoint;
        this.findingThreshold = findingThreshold;
    }

    /** The remote checks' contribution to a run: outcomes for the reports, and the inconclusive calls. */
    record Outcome(List<CheckOutcome> outcomes, List<String> inconclusive) {

        static final Outcome NONE = new Outcome(List.of(), List.of());

        SuiteResult appendTo(SuiteResult local) {
            if (outcomes.isEmpty()) {
                return local;
            }
            List<CheckOutcome> all = new ArrayList<>(local.outcomes());
            all.addAll(outcomes);
            return new SuiteResult(local.checksFile(), local.suiteName(), local.checkCount(), local.policySetCount(),
                    local.policyFileCount(), all);
        }

        /** Stops the build on an inconclusive remote check, because it proves nothing and must not pass silently. */
        void failIfInconclusive(Reports.Written reports) throws MojoExecutionException {
            if (inconclusive.isEmpty()) {
                return;
            }
            throw new MojoExecutionException("policyproof: " + inconclusive.size() + " remote "
                    + (inconclusive.size() == 1 ? "check was" : "checks were") + " inconclusive, because the IAM"
                    + " policy simulator did not answer within the retries and timeouts:" + System.lineSeparator()
                    + String.join(System.lineSeparator(), inconclusive) + System.lineSeparator()
                    + "Try again later, or set " + CheckMojo.REMOTE + "=false. Reports: " + reports.xml());
        }
    }

    /**
     * Runs the remote checks when they are enabled and Maven is online.
     *
     * @throws MojoExecutionException if the settings are invalid, credentials or the region are missing, or a remote
     *     call fails for a reason that retrying later will not fix
     */
    Outcome run(CheckSuite suite, Log log) throws MojoExecutionException {
        if (!enabled) {
            return Outcome.NONE;
        }
        if (offline) {
            int skipped = RemoteStep.count(suite);
            log.warn("policyproof: Maven is offline, so " + skipped + " remote " + (skipped == 1 ? "check" : "checks")
                    + " (Access Analyzer, IAM policy simulator) " + (skipped == 1 ? "was" : "were")
                    + " skipped; local checks still run");
            return Outcome.NONE;
        }
        FindingSeverity threshold = threshold();
        try (RemoteChecks remote = build()) {
            remote.verifyCredentials();
            RemoteStep.Result result = RemoteStep.run(suite, remote, threshold);
            result.notComparable().forEach(line -> log.info("policyproof: not comparable with the IAM policy"
                    + " simulator: " + line));
            long failed = result.outcomes().stream().filter(outcome -> !outcome.passed()).count();
            log.info("policyproof: remote checks: " + (result.outcomes().size() - failed) + " passed, " + failed
                    + " failed, " + result.notComparable().size() + " not comparable, " + result.inconclusive().size()
                    + " inconclusive");
            return new Outcome(result.outcomes(), result.inconclusive());
        } catch (RemoteCheckException e) {
            throw new MojoExecutionException("policyproof: " + CheckMojo.REMOTE + " is true, but the remote checks"
                    + " could not run: " + e.getMessage(), e);
        }
    }

    private FindingSeverity threshold() throws MojoExecutionException {
        try {
            return FindingSeverity.parse(findingThreshold == null ? "SECURITY_WARNING" : findingThreshold);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("policyproof: invalid " + FINDING_THRESHOLD + ": " + e.getMessage(), e);
        }
    }

    private RemoteChecks build() throws MojoExecutionException {
        try {
            RemoteChecks.Builder builder = RemoteChecks.builder().region(region).profile(profile);
            if (endpoint != null && !endpoint.isBlank()) {
                builder.endpointOverride(URI.create(endpoint.trim()));
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("policyproof: invalid " + ENDPOINT + ": " + e.getMessage(), e);
        }
    }
}
