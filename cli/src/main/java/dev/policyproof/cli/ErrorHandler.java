package dev.policyproof.cli;

import dev.policyproof.engine.PolicyParseException;
import dev.policyproof.engine.cases.CaseFileException;
import dev.policyproof.engine.catalog.CatalogException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Maps failures to exit codes: invalid input exits 2 with one message, a failed catalogue download exits 3 with one
 * message, and anything else is a bug that exits 1 with its stack trace. Messages of invalid policies and case lines
 * start with the file, line and column.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    /** Prints an unknown or invalid option with a pointer to the help, instead of the whole usage text. */
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(e.getMessage());
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitCode.USAGE;
    }

    /** Exit code of a catalogue refresh whose download failed; the input was valid and nothing is broken. */
    static final int DOWNLOAD_FAILED = 3;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        if (isInvalidInput(e)) {
            err.println(e.getMessage());
            return ExitCode.USAGE;
        }
        if (e instanceof CatalogException) {
            err.println("Catalogue refresh failed: " + e.getMessage());
            return DOWNLOAD_FAILED;
        }
        err.println("policyproof: internal error, please report it with the command and its input files:");
        e.printStackTrace(err);
        return ExitCode.SOFTWARE;
    }

    private static boolean isInvalidInput(Exception e) {
        return e instanceof InputException || e instanceof PolicyParseException || e instanceof CaseFileException;
    }
}
