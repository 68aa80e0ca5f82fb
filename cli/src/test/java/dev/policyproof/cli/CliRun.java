package dev.policyproof.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine;

/** The exit code, standard output and standard error of one in-process run of the command line. */
record CliRun(int exitCode, String out, String err) {

    static final String POLICIES = "src/test/resources/policies/";
    static final String CASES = "src/test/resources/cases/";

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = PolicyproofCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** Runs {@code args} on the command line after {@code customize} has changed it, such as by adding a command. */
    static CliRun with(UnaryOperator<CommandLine> customize, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter outWriter = new PrintWriter(out);
        PrintWriter errWriter = new PrintWriter(err);
        CommandLine commandLine = customize.apply(PolicyproofCommand.commandLine(outWriter, errWriter));
        // Writers reach only the subcommands that exist when they are set, so set them again after customizing.
        int exitCode = commandLine.setOut(outWriter).setErr(errWriter).execute(args);
        outWriter.flush();
        errWriter.flush();
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
