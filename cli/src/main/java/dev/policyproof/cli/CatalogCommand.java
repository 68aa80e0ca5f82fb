package dev.policyproof.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code policyproof catalog} group of commands, which manage the IAM action catalogue. */
@Command(
        name = "catalog",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Manages the IAM action catalogue that policy validation uses.",
        subcommands = CatalogRefreshCommand.class)
final class CatalogCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: use policyproof catalog refresh");
    }
}
