package dev.policyproof.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code policyproof} command, whose subcommands do the work, and the entry point of the runnable jar. */
@Command(
        name = "policyproof",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Evaluates AWS IAM policies offline, with IAM's policy evaluation logic.",
        subcommands = {EvaluateCommand.class, CatalogCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:The command ran, whatever the decisions.",
            "1:Internal error: a bug in policyproof.",
            "2:Invalid input: an unknown option, a missing file, an invalid policy or case line.",
            "3:A download failed (policyproof catalog refresh only)."
        })
public final class PolicyproofCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        // JSON output must be UTF-8, whatever the platform's default charset.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(execute(args, out, err));
    }

    /** Runs the command line {@code args}, writing to {@code out} and {@code err}, and returns the exit code. */
    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        int exitCode = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    /** Returns the command line with the error handlers that map failures to the documented exit codes. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        ErrorHandler errors = new ErrorHandler();
        return new CommandLine(new PolicyproofCommand())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "Missing command: use policyproof evaluate or policyproof catalog refresh");
    }
}
