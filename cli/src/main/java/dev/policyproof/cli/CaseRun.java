package dev.policyproof.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.policyproof.engine.cases.CaseEvaluator;
import dev.policyproof.engine.cases.CaseEvaluator.Outcome;
import dev.policyproof.engine.cases.CaseFileReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates a cases file one line at a time and writes each outcome as it is decided, so memory stays flat however
 * many cases the file has. An invalid line stops the run, and the outcomes before it stay written.
 */
final class CaseRun {

    private static final ObjectWriter COMPACT_JSON = new ObjectMapper().writer();

    private final Path casesFile;
    private final @Nullable Path outputFile;

    CaseRun(Path casesFile, @Nullable Path outputFile) {
        this.casesFile = casesFile;
        this.outputFile = outputFile;
    }

    /** Writes one JSON line per case to the output and the summary line to {@code err}. */
    void run(PrintWriter standardOutput, PrintWriter err) {
        PolicyFiles.requireFile(casesFile, "--cases");
        CaseTally tally = new CaseTally();
        try (Output output = Output.open(standardOutput, outputFile)) {
            CaseFileReader.forEach(casesFile, evaluationCase -> {
                Outcome outcome = CaseEvaluator.evaluate(evaluationCase);
                output.write(jsonLine(outcome));
                tally.add(outcome);
            });
        } catch (UncheckedIOException e) {
            // Output failures arrive as InputException, so this is a failure to read the cases file.
            throw new InputException(e.getMessage() + " (--cases)", e);
        }
        err.println(tally.summary());
        if (tally.total() == 0) {
            throw new InputException("No case found in " + casesFile + ": a run that evaluates nothing proves nothing; "
                    + "add one JSON object per line (--cases)");
        }
    }

    /** Returns the outcome as compact JSON ended by a line feed, as JSON lines require on every platform. */
    private static String jsonLine(Outcome outcome) {
        try {
            return COMPACT_JSON.writeValueAsString(outcome.toJson()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the outcome of case " + outcome.evaluationCase().id(), e);
        }
    }
}
