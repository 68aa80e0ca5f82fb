package dev.policyproof.maven;

import dev.policyproof.engine.PolicyParseException;
import dev.policyproof.engine.check.CheckOutcome;
import dev.policyproof.engine.check.CheckSuite;
import dev.policyproof.engine.check.ChecksFileException;
import dev.policyproof.engine.check.ChecksFileReader;
import dev.policyproof.engine.check.Severity;
import dev.policyproof.engine.check.SuiteFile;
import dev.policyproof.engine.check.SuiteLocator;
import dev.policyproof.engine.check.SuiteResult;
import dev.policyproof.engine.check.SuiteRunner;
import dev.policyproof.engine.report.Reports;
import dev.policyproof.engine.report.SarifReport;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the checks of the checks file and of the named shared suites against the project's IAM policies. Writes
 * Surefire-format XML, JSON and SARIF reports, and fails the build when an expectation at or above the severity
 * threshold is violated.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    static final String SKIP = "policyproof.skip";
    static final String CHECKS_FILE = "policyproof.checksFile";
    static final String FAIL_ON_VIOLATION = "policyproof.failOnViolation";
    static final String REMOTE = "policyproof.remote";
    static final String FAIL_ON_SEVERITY = "policyproof.failOnSeverity";
    static final String MAX_VIOLATIONS_LOGGED = "policyproof.maxViolationsLogged";

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

    /**
     * The lowest severity of a violation that fails the build: {@code error} (the default) or {@code warning}.
     * Violations below it are logged and reported as warnings. Suppressed violations never fail the build.
     */
    @Parameter(property = FAIL_ON_SEVERITY, defaultValue = "error")
    String failOnSeverity;

    /** How many violations are logged one line each before the rest are counted as "and N more". */
    @Parameter(property = MAX_VIOLATIONS_LOGGED, defaultValue = "20")
    int maxViolationsLogged;

    /**
     * Names of shared suites to run on the project's policies, such as {@code bastion}. Each suite is a jar, declared
     * as a {@code <dependency>} of this plugin, with checks files under
     * {@code META-INF/policyproof/suites/<name>/}.
     */
    @Parameter
    List<String> suites;

    /**
     * Maps a policy id that a suite requires to the id the project's checks file declares, such as
     * {@code <engineer>engineer-tunnel</engineer>}. Ids without an alias are looked up as they are.
     */
    @Parameter
    Map<String, String> policyAliases;

    /**
     * The directory for {@code TEST-policyproof.xml}, {@code policyproof-results.json} and
     * {@code policyproof.sarif}.
     */
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

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("policyproof: checks skipped because " + SKIP + " is true");
            return;
        }
        Severity threshold = threshold();
        CheckSuite suite = read();
        SuiteResult local = SuiteRunner.run(suite);
        RemoteSettings.Outcome remoteOutcome = remoteSettings().run(suite, getLog());
        SuiteResult result = remoteOutcome.appendTo(local);
        Reports.Written reports = report(result);
        remoteOutcome.failIfInconclusive(reports);
        decide(result, reports, threshold);
    }

    private Severity threshold() throws MojoExecutionException {
        return Severity.parse(failOnSeverity).orElseThrow(() -> new MojoExecutionException("policyproof: invalid "
                + FAIL_ON_SEVERITY + " \"" + failOnSeverity + "\"; use error or warning"));
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
            // Suite jars are dependencies of the plugin, so their Java checks load from the plugin's class realm.
            ChecksFileReader reader = ChecksFileReader.relativeTo(baseDirectory.toPath())
                    .policyAliases(policyAliases == null ? Map.of() : policyAliases)
                    .classLoader(CheckMojo.class.getClassLoader());
            return CheckSuite.load(reader.read(file, suiteFiles()));
        } catch (ChecksFileException | PolicyParseException e) {
            throw new MojoExecutionException("policyproof: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("policyproof: " + e.getMessage(), e.getCause());
        }
    }

    /** Finds the checks files of every named suite in the plugin's class realm; a suite without files is an error. */
    private List<SuiteFile> suiteFiles() throws MojoExecutionException {
        if (suites == null || suites.isEmpty()) {
            return List.of();
        }
        List<Path> classPath = SuiteClassPath.of(plugin);
        List<SuiteFile> files = new ArrayList<>();
        for (String name : suites) {
            List<SuiteFile> found = SuiteLocator.find(name, classPath);
            if (found.isEmpty()) {
                throw new MojoExecutionException("policyproof: suite " + name + " not found: no jar among the "
                        + "plugin's dependencies has checks files under " + SuiteLocator.ROOT + name + "/. Add the "
                        + "suite's jar as a <dependency> of " + plugin.getArtifactId() + ", or fix the name in "
                        + "<suites>.");
            }
            getLog().info("policyproof: suite " + name + ": " + found.size()
                    + (found.size() == 1 ? " checks file" : " checks files"));
            files.addAll(found);
        }
        return files;
    }

    private Reports.Written report(SuiteResult result) throws MojoExecutionException {
        Path base = baseDirectory.toPath();
        SarifReport.Sources sources = new SarifReport.Sources(SourceRoot.of(base), base, plugin.getVersion());
        try {
            return Reports.writeAll(result, reportsDirectory.toPath(), sources);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("policyproof: " + e.getMessage(), e.getCause());
        }
    }

    private void decide(SuiteResult result, Reports.Written reports, Severity threshold)
            throws MojoFailureException {
        getLog().info("policyproof: " + result.summary());
        ViolationLog.lines(result, maxViolationsLogged).forEach(getLog()::warn);
        if (result.passed()) {
            return;
        }
        getLog().info(ViolationLog.closing(reports, threshold.label()));
        List<CheckOutcome> failing = result.failuresAtLeast(threshold);
        if (failing.isEmpty()) {
            return;
        }
        if (failOnViolation) {
            throw new MojoFailureException(ViolationMessage.of(result, failing, reports));
        }
        getLog().error("policyproof: " + failing.size() + " of " + result.outcomes().size()
                + " expectations failed, and the build goes on because " + FAIL_ON_VIOLATION + " is false. See "
                + reports.xml());
    }
}
