package dev.policyproof.engine.report;

import dev.policyproof.engine.check.SuiteResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes every report of a run into one directory. */
public final class Reports {

    private Reports() {}

    /** The files written by {@link #writeAll}. */
    public record Written(Path xml, Path json) {}

    /**
     * Writes {@value SurefireXmlReport#FILE_NAME} and {@value JsonResultsReport#FILE_NAME} into {@code directory},
     * creating it if needed.
     *
     * @throws UncheckedIOException if the directory or a file cannot be written
     */
    public static Written writeAll(SuiteResult result, Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create report directory " + directory + ": " + e.getMessage(), e);
        }
        Written written = new Written(
                directory.resolve(SurefireXmlReport.FILE_NAME), directory.resolve(JsonResultsReport.FILE_NAME));
        SurefireXmlReport.write(result, written.xml());
        JsonResultsReport.write(result, written.json());
        return written;
    }
}
