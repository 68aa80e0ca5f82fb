package dev.policyproof.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** The destination of a command's results: standard output, or the file that {@code --output} names. */
final class Output implements Closeable {

    private final Writer writer;
    private final @Nullable Path file;

    private Output(Writer writer, @Nullable Path file) {
        this.writer = writer;
        this.file = file;
    }

    /**
     * Opens {@code file}, creating or truncating it, or uses {@code standardOutput} when {@code file} is null.
     *
     * @throws InputException if the file cannot be opened for writing
     */
    static Output open(PrintWriter standardOutput, @Nullable Path file) {
        if (file == null) {
            return new Output(standardOutput, null);
        }
        try {
            return new Output(Files.newBufferedWriter(file, StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw new InputException(failure("open", file, e), e);
        }
    }

    void write(String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new InputException(failure("write", file, e), e);
        }
    }

    /** Closes the file, or only flushes standard output, which the caller still owns. */
    @Override
    public void close() {
        try {
            if (file == null) {
                writer.flush();
            } else {
                writer.close();
            }
        } catch (IOException e) {
            throw new InputException(failure("write", file, e), e);
        }
    }

    private static String failure(String operation, @Nullable Path file, IOException e) {
        return "Cannot " + operation + " output file " + file + " (--output): " + reason(e);
    }

    /** Names the cause in words, because these exceptions carry only the path as their message. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "its directory does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return String.valueOf(e.getMessage());
    }
}
