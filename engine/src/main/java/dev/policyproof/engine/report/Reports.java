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
    public record Written(Path xml, Path json, Path sarif) {

        /** Names the reports of a directory, as {@link #writeAll} writes them. */
        public static Written in(Path directory) {
            return new Written(directory.resolve(SurefireXmlReport.FILE_NAME),
                    directory.resolve(JsonResultsReport.FILE_NAME), directory.resolve(SarifReport.FILE_NAME));
        }
    }

    /**
     * Writes the reports with SARIF URIs relative to the working directory; see
     * {@link #writeAll(SuiteResult, Path, SarifReport.Sources)}.
     */
    public static Written writeAll(SuiteResult result, Path directory) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        return writeAll(result, directory, new SarifReport.Sources(workingDirectory, workingDirectory, "unknown"));
    }

    /**
     * Writes {@value SurefireXmlReport#FILE_NAME}, {@value JsonResultsReport#FILE_NAME} and
     * {@value SarifReport#FILE_NAME} into {@code directory}, creating it if needed.
     *
     * @throws UncheckedIOException if the directory or a file cannot be written
     */
    public static Written writeAll(SuiteResult result, Path directory, SarifReport.Sources sources) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create report directory " + directory + ": " + e.getMessage(), e);
        }
        Written written = Written.in(directory);
        SurefireXmlReport.write(result, written.xml());
        JsonResultsReport.write(result, written.json());
        SarifReport.write(result, sources, written.sarif());
        return written;
    }
}
