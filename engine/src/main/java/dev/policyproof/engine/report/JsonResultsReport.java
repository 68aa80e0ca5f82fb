package dev.policyproof.engine.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.policyproof.engine.check.CheckOutcome;
import dev.policyproof.engine.check.SuiteResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a run as JSON with every outcome in full, for tools that post-process results:
 *
 * <pre>
 * {"checksFile": "...", "summary": {"expectations": 3, "passed": 2, "failed": 1, "checks": 1, "policySets": 1,
 *  "policyFiles": 1}, "results": [{"name": "...", "check": "...", "policySet": "...", "expectation": "...",
 *  "passed": false, "requestsEvaluated": 10, "timeSeconds": 0.012, "message": "...", "ruleId": "PP-ALLOWS",
 *  "severity": "error", "suppressed": false, "location": {"file": "...", "line": 4}}]}
 * </pre>
 *
 * {@code message} is null for a passed expectation and otherwise the failure message as the console prints it.
 * {@code summary.suppressed} counts suppressed violations, which {@code failed} leaves out; a suppressed result adds
 * {@code "suppression": {"reason": "...", "expires": "2027-01-31"}}. {@code location} is the deciding statement of a
 * failure, else the expectation in the checks file, and is null when neither is known.
 */
public final class JsonResultsReport {

    public static final String FILE_NAME = "policyproof-results.json";

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonResultsReport() {}

    /**
     * Writes {@code result} to {@code file}, replacing it.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(SuiteResult result, Path file) {
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator json = FACTORY.createGenerator(out)) {
            json.setPrettyPrinter(new DefaultPrettyPrinter());
            json.writeStartObject();
            json.writeStringField("checksFile", result.checksFile());
            writeSummary(json, result);
            writeResults(json, result);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeSummary(JsonGenerator json, SuiteResult result) throws IOException {
        json.writeObjectFieldStart("summary");
        json.writeNumberField("expectations", result.outcomes().size());
        json.writeNumberField("passed", result.passedCount());
        json.writeNumberField("failed", result.failedCount());
        json.writeNumberField("suppressed", result.suppressedCount());
        json.writeNumberField("checks", result.checkCount());
        json.writeNumberField("policySets", result.policySetCount());
        json.writeNumberField("policyFiles", result.policyFileCount());
        json.writeEndObject();
    }

    private static void writeSuppression(JsonGenerator json, CheckOutcome outcome) throws IOException {
        if (outcome.suppression().isEmpty()) {
            return;
        }
        json.writeObjectFieldStart("suppression");
        json.writeStringField("reason", outcome.suppression().get().reason());
        json.writeStringField("expires", outcome.suppression().get().expiry().map(Object::toString).orElse(null));
        json.writeEndObject();
    }

    private static void writeLocation(JsonGenerator json, CheckOutcome outcome) throws IOException {
        if (outcome.location().isEmpty()) {
            json.writeNullField("location");
            return;
        }
        json.writeObjectFieldStart("location");
        json.writeStringField("file", outcome.location().get().source());
        json.writeNumberField("line", outcome.location().get().line());
        json.writeEndObject();
    }

    private static void writeResults(JsonGenerator json, SuiteResult result) throws IOException {
        List<String> names = TestNames.of(result.outcomes());
        json.writeArrayFieldStart("results");
        for (int i = 0; i < names.size(); i++) {
            CheckOutcome outcome = result.outcomes().get(i);
            json.writeStartObject();
            json.writeStringField("name", names.get(i));
            json.writeStringField("check", outcome.check());
            json.writeStringField("policySet", outcome.policySet());
            json.writeStringField("expectation", outcome.result().expectation());
            json.writeBooleanField("passed", outcome.passed());
            json.writeNumberField("requestsEvaluated", outcome.result().requestsEvaluated());
            json.writeNumberField("timeSeconds", outcome.elapsed().toNanos() / 1e9);
            json.writeStringField("message", outcome.result().failureMessage());
            json.writeStringField("ruleId", outcome.result().ruleId());
            json.writeStringField("severity", outcome.severity().label());
            json.writeBooleanField("suppressed", outcome.suppressed());
            writeSuppression(json, outcome);
            writeLocation(json, outcome);
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
