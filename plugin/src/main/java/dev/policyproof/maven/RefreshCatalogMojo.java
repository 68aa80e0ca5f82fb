package dev.policyproof.maven;

import dev.policyproof.engine.catalog.ActionCatalog;
import dev.policyproof.engine.catalog.CatalogException;
import dev.policyproof.engine.catalog.CatalogRefresher;
import java.io.File;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Downloads AWS's service reference information and writes it as an IAM action catalogue file, for validating
 * policies against newer data than the catalogue bundled with policyproof. Runs with or without a project:
 * {@code mvn dev.policyproof:policyproof-maven-plugin:refresh-catalog}. This is the only goal that uses the network,
 * and it refuses to run when Maven is offline.
 */
@Mojo(name = "refresh-catalog", requiresProject = false, threadSafe = true)
public class RefreshCatalogMojo extends AbstractMojo {

    static final String BASE_URL = "policyproof.catalogBaseUrl";
    static final String OUTPUT = "policyproof.catalogOutput";

    /**
     * The URL of the service reference index, a JSON array of {@code service} and {@code url} entries. Service file
     * URLs in the index resolve against it. Set it to use a mirror.
     */
    @Parameter(property = BASE_URL, defaultValue = CatalogRefresher.DEFAULT_BASE_URL)
    String catalogBaseUrl;

    /** The gzip file to write; an existing file is replaced only when the whole refresh succeeds. */
    @Parameter(property = OUTPUT, defaultValue = "${basedir}/aws-iam-catalog.json.gz")
    File catalogOutput;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Override
    public final void execute() throws MojoExecutionException {
        requireOnline(session.isOffline());
        URI baseUrl = parseBaseUrl();
        getLog().info("policyproof: downloading the service reference from " + baseUrl);
        ActionCatalog catalog = refresh(baseUrl);
        getLog().info("policyproof: wrote " + count(catalog.services().size(), "service") + " and "
                + count(catalog.size(), "action") + " to " + catalogOutput);
    }

    static void requireOnline(boolean offline) throws MojoExecutionException {
        if (offline) {
            throw new MojoExecutionException("policyproof: refresh-catalog downloads from the network, but Maven is"
                    + " offline (-o or <offline>true</offline> in settings.xml); run it without -o");
        }
    }

    private static String count(int number, String noun) {
        return number + " " + noun + (number == 1 ? "" : "s");
    }

    private URI parseBaseUrl() throws MojoExecutionException {
        try {
            URI url = new URI(catalogBaseUrl);
            if (!"https".equalsIgnoreCase(url.getScheme()) && !"http".equalsIgnoreCase(url.getScheme())) {
                throw new URISyntaxException(catalogBaseUrl, "expected an http or https URL");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new MojoExecutionException("policyproof: " + BASE_URL + " \"" + catalogBaseUrl + "\" is invalid: "
                    + e.getReason() + "; set it to the service reference index, such as "
                    + CatalogRefresher.DEFAULT_BASE_URL, e);
        }
    }

    private ActionCatalog refresh(URI baseUrl) throws MojoExecutionException {
        try {
            return CatalogRefresher.builder().baseUrl(baseUrl).build().refresh(catalogOutput.toPath());
        } catch (CatalogException | UncheckedIOException e) {
            throw new MojoExecutionException("policyproof: catalogue refresh failed: " + e.getMessage(), e);
        }
    }
}
