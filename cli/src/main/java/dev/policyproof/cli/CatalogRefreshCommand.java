package dev.policyproof.cli;

import dev.policyproof.engine.catalog.ActionCatalog;
import dev.policyproof.engine.catalog.CatalogRefresher;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code policyproof catalog refresh}: downloads AWS's service reference and writes a catalogue file. */
@Command(
        name = "refresh",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Downloads AWS's service reference information (an index and one JSON file per service) and writes it as"
                    + " a gzip catalogue file. The file is replaced only when every download succeeds.",
            "This is the only command that uses the network."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:The catalogue was written.",
            "1:Internal error: a bug in policyproof.",
            "2:Invalid input: an unknown option, an invalid URL or an unwritable output file.",
            "3:A download failed: HTTP error, timeout or unreachable host. No file was written."
        })
final class CatalogRefreshCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "URL of the service reference index. Default: ${DEFAULT-VALUE}",
            defaultValue = CatalogRefresher.DEFAULT_BASE_URL)
    String baseUrl = CatalogRefresher.DEFAULT_BASE_URL;

    @Option(names = "--output", paramLabel = "FILE", required = true, description = "Catalogue file to write (gzip).")
    @Nullable Path output;

    @Override
    public Integer call() {
        URI url = parseBaseUrl();
        ActionCatalog catalog;
        try {
            catalog = CatalogRefresher.builder().baseUrl(url).build().refresh(output);
        } catch (UncheckedIOException e) {
            throw new InputException(e.getMessage() + " (--output)", e);
        }
        spec.commandLine().getOut().println("wrote " + count(catalog.services().size(), "service") + " and "
                + count(catalog.size(), "action") + " to " + output);
        return 0;
    }

    private URI parseBaseUrl() {
        URI url;
        try {
            url = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new InputException("Invalid URL \"" + baseUrl + "\" (--base-url): " + e.getMessage(), e);
        }
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new InputException("Invalid URL \"" + baseUrl + "\" (--base-url): expected an http or https URL,"
                    + " such as " + CatalogRefresher.DEFAULT_BASE_URL);
        }
        return url;
    }

    private static String count(int number, String noun) {
        return number + " " + noun + (number == 1 ? "" : "s");
    }
}
