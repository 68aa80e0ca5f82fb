package dev.policyproof.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.check.CheckOutcome;
import dev.policyproof.engine.check.Severity;
import dev.policyproof.engine.check.SuiteResult;
import dev.policyproof.engine.check.Suppression;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a run as a SARIF 2.1.0 log with one run, which code scanning services such as GitHub's read. Every violated
 * or suppressed expectation is a result, and passed expectations are not. A result's rule is the expectation's kind,
 * its level the expectation's severity and its message the failure message. Its location is the statement that
 * decided the offending request, else the expectation in the checks file.
 *
 * <p>Artifact URIs are relative to the source root under the {@value #SRCROOT} base id, so results link to files in
 * the repository. A file outside the source root gets an absolute {@code file:} URI.
 */
public final class SarifReport {

    public static final String FILE_NAME = "policyproof.sarif";

    /** The base id that relative artifact URIs are resolved against: the repository root. */
    public static final String SRCROOT = "%SRCROOT%";

    static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /** The key of the partial fingerprint; a new hash input needs a new version suffix. */
    static final String FINGERPRINT_KEY = "policyproof/v1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SarifReport() {}

    /**
     * The directories that report URIs are computed from, and the tool version.
     *
     * @param sourceRoot the repository root, which {@value #SRCROOT} stands for
     * @param baseDirectory the directory that relative policy and checks file names are relative to
     * @param toolVersion the policyproof version that wrote the report
     */
    public record Sources(Path sourceRoot, Path baseDirectory, String toolVersion) {

        public Sources {
            sourceRoot = sourceRoot.toAbsolutePath().normalize();
            baseDirectory = baseDirectory.toAbsolutePath().normalize();
            Objects.requireNonNull(toolVersion, "toolVersion");
        }
    }

    /**
     * Writes {@code result} to {@code file}, replacing it.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(SuiteResult result, Sources sources, Path file) {
        try {
            MAPPER.writeValue(file.toFile(), toJson(result, sources));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode toJson(SuiteResult result, Sources sources) {
        ObjectNode log = MAPPER.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();

        List<CheckOutcome> reported = result.outcomes().stream().filter(outcome -> !outcome.passed()).toList();
        Map<String, Integer> ruleIndex = ruleIndex(reported);
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "policyproof");
        driver.put("version", sources.toolVersion());
        writeRules(driver.putArray("rules"), ruleIndex);

        run.putObject("originalUriBaseIds").putObject(SRCROOT).put("uri", sources.sourceRoot().toUri().toString());
        ArrayNode results = run.putArray("results");
        for (CheckOutcome outcome : reported) {
            writeResult(results.addObject(), outcome, result.checksFile(), sources, ruleIndex);
        }
        return log;
    }

    /** Numbers the rules: every known rule in a fixed order, then any other id the results use. */
    private static Map<String, Integer> ruleIndex(List<CheckOutcome> reported) {
        Map<String, Integer> index = new LinkedHashMap<>();
        SarifRules.KNOWN.forEach(rule -> index.put(rule.id(), index.size()));
        reported.forEach(outcome -> index.putIfAbsent(outcome.result().ruleId(), index.size()));
        return index;
    }

    private static void writeRules(ArrayNode rules, Map<String, Integer> ruleIndex) {
        for (String id : ruleIndex.keySet()) {
            SarifRules.Rule rule = SarifRules.of(id);
            ObjectNode descriptor = rules.addObject();
            descriptor.put("id", rule.id());
            descriptor.put("name", rule.name());
            descriptor.putObject("shortDescription").put("text", rule.description());
            descriptor.putObject("defaultConfiguration").put("level", "error");
        }
    }

    private static void writeResult(ObjectNode json, CheckOutcome outcome, String checksFile, Sources sources,
            Map<String, Integer> ruleIndex) {
        String ruleId = outcome.result().ruleId();
        json.put("ruleId", ruleId);
        json.put("ruleIndex", ruleIndex.get(ruleId));
        json.put("level", level(outcome.severity()));
        json.putObject("message").put("text", outcome.result().failure().orElse(outcome.result().expectation()));

        SourceLocation location = outcome.location()
                .orElseGet(() -> SourceLocation.generated(checksFile, ""));
        ObjectNode physical = json.putArray("locations").addObject().putObject("physicalLocation");
        String uri = writeArtifact(physical.putObject("artifactLocation"), location.source(), sources);
        if (location.hasPosition()) {
            physical.putObject("region").put("startLine", location.line()).put("startColumn", location.column());
        }

        json.putObject("partialFingerprints").put(FINGERPRINT_KEY, fingerprint(ruleId, uri, outcome));
        outcome.suppression().ifPresent(suppression -> writeSuppression(json.putArray("suppressions"), suppression));
        ObjectNode properties = json.putObject("properties");
        properties.put("check", outcome.check());
        properties.put("policySet", outcome.policySet());
        properties.put("expectation", outcome.result().expectation());
        properties.put("severity", outcome.severity().label());
    }

    private static void writeSuppression(ArrayNode suppressions, Suppression suppression) {
        ObjectNode json = suppressions.addObject();
        json.put("kind", "external");
        json.put("justification", suppression.reason());
        suppression.expiry().ifPresent(date -> json.putObject("properties").put("expires", date.toString()));
    }

    /** Writes the artifact location of {@code source} and returns its URI. */
    private static String writeArtifact(ObjectNode artifact, String source, Sources sources) {
        Path file = sources.baseDirectory().resolve(source).toAbsolutePath().normalize();
        if (!file.startsWith(sources.sourceRoot())) {
            String uri = file.toUri().toString();
            artifact.put("uri", uri);
            return uri;
        }
        String uri = relativeUri(sources.sourceRoot().relativize(file));
        artifact.put("uri", uri);
        artifact.put("uriBaseId", SRCROOT);
        return uri;
    }

    /** Encodes a relative path as a URI reference with forward slashes, escaping spaces and other characters. */
    static String relativeUri(Path relative) {
        List<String> parts = new ArrayList<>();
        relative.forEach(part -> parts.add(part.toString()));
        try {
            return new URI(null, null, String.join("/", parts), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot encode " + relative + " as a URI", e);
        }
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
        };
    }

    /**
     * Hashes what identifies a result across runs: the rule, the file, the check and the expectation. The line is left
     * out, so that an edit above the statement does not make the result look new.
     */
    static String fingerprint(String ruleId, String uri, CheckOutcome outcome) {
        String identity = String.join("\n", ruleId, uri, outcome.check(), outcome.result().expectation());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
