package dev.policyproof.maven;

import dev.policyproof.engine.PolicyParseException;
import dev.policyproof.engine.check.CheckSuite;
import dev.policyproof.engine.check.ChecksFileException;
import dev.policyproof.engine.check.ChecksFileReader;
import dev.policyproof.engine.check.SuiteResult;
import dev.policyproof.engine.check.SuiteRunner;
import dev.policyproof.engine.report.Reports;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the checks declared in the checks file against the project's IAM policies, writes Surefire-format XML and
 * JSON reports, and fails the build when an expectation is violated.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    static final String SKIP = "policyproof.skip";
    static final String CHECKS_FILE = "policyproof.checksFile";
    static final String FAIL_ON_VIOLATION = "policyproof.failOnViolation";
    static final String REMOTE = "policyproof.remote";

    /**
     * The checks file, in YAML or JSON, that declares the policies and the expectations they must meet. Policy file
     * paths in it are relative to the project's base directory.
     */
    @Parameter(property = CHECKS_FILE, defaultValue = "${project.basedir}/" + ChecksFileReader.DEFAULT_PATH)
    File checksFile;

    /** Skips the checks and writes no report. */
    @Parameter(property = SKIP, defaultValue = "false")
    boolean skip;

    /**
     * Fails the build when an expectation is violated. With {@code false}, violations are logged and reported, and
     * the build goes on.
     */
    @Parameter(property = FAIL_ON_VIOLATION, defaultValue = "true")
    boolean failOnViolation;

    /** The directory for {@code TEST-policyproof.xml} and {@code policyproof-results.json}. */
    @Parameter(property = "policyproof.reportsDirectory", defaultValue = "${project.build.directory}/policyproof")
    File reportsDirectory;

    /** The directory that policy file paths in the checks file are relative to. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File baseDirectory;

    /**
     * Also runs the remote checks: IAM Access Analyzer validates every policy file the checks use, and the IAM policy
     * simulator decides each {@code allows} and {@code denies} request for comparison with the local decision. This
     * sends the policy texts and requests to AWS with the credentials of the default chain, and needs
     * {@code access-analyzer:ValidatePolicy} and {@code iam:SimulateCustomPolicy}. Missing credentials are a build
     * error, because remote checks were asked for. Under {@code mvn -o} the remote checks are skipped with a warning.
     */
    @Parameter(property = REMOTE, defaultValue = "false")
    boolean remote;

    /** The region for Access Analyzer, such as {@code eu-west-1}; without it the SDK's default region chain decides. */
    @Parameter(property = RemoteSettings.REGION)
    String awsRegion;

    /** The profile the default credential and region chains read; without it they use the default profile. */
    @Parameter(property = RemoteSettings.PROFILE)
    String awsProfile;

    /**
     * For tests only: sends every remote call to a stub server on this machine, such as {@code http://127.0.0.1:8080}.
     * Any address other than loopback is rejected.
     */
    @Parameter(property = RemoteSettings.ENDPOINT)
    String awsEndpoint;

    /**
     * The minimum severity of an Access Analyzer finding that fails the build: {@code ERROR}, {@code SECURITY_WARNING},
     * {@code WARNING} or {@code SUGGESTION}.
     */
    @Parameter(property = RemoteSettings.FINDING_THRESHOLD, defaultValue = "SECURITY_WARNING")
    String awsFindingThreshold;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("policyproof: checks skipped because " + SKIP + " is true");
            return;
        }
        CheckSuite suite = read();
        SuiteResult local = SuiteRunner.run(suite);
        RemoteSettings.Outcome remoteOutcome = remoteSettings().run(suite, getLog());
        SuiteResult result = remoteOutcome.appendTo(local);
        Reports.Written reports = report(result);
        remoteOutcome.failIfInconclusive(reports);
        decide(result, reports);
    }

    private RemoteSettings remoteSettings() {
        return new RemoteSettings(remote, session != null && session.isOffline(), awsRegion, awsProfile, awsEndpoint,
                awsFindingThreshold);
    }

    /** Reads the checks file and parses its policies; broken input is a build error, not a check failure. */
    private CheckSuite read() throws MojoExecutionException {
        Path file = checksFile.toPath();
        if (!Files.isRegularFile(file)) {
            throw new MojoExecutionException("policyproof: checks file " + file + " not found. Create it, or set "
                    + CHECKS_FILE + " to the checks file's path.");
        }
        try {
            return CheckSuite.load(ChecksFileReader.relativeTo(baseDirectory.toPath()).read(file));
        } catch (ChecksFileException | PolicyParseException e) {
            throw new MojoExecutionException("policyproof: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("policyproof: " + e.getMessage(), e.getCause());
        }
    }

    private Reports.Written report(SuiteResult result) throws MojoExecutionException {
        try {
            return Reports.writeAll(result, reportsDirectory.toPath());
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("policyproof: " + e.getMessage(), e.getCause());
        }
    }

    private void decide(SuiteResult result, Reports.Written reports) throws MojoFailureException {
        result.failures().forEach(failure -> getLog().warn(failure.result().failureMessage()));
        getLog().info("policyproof: " + result.summary());
        if (result.passed()) {
            return;
        }
        if (failOnViolation) {
            throw new MojoFailureException(ViolationMessage.of(result, reports));
        }
        getLog().error("policyproof: " + result.failedCount() + " of " + result.outcomes().size()
                + " expectations failed, and the build goes on because " + FAIL_ON_VIOLATION + " is false. See "
                + reports.xml());
    }
}
