package dev.policyproof.engine.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Downloads AWS's service reference information (an index of services and one JSON file per service), converts it to
 * the catalogue layout and writes it as a gzip file that {@link ActionCatalog#read(java.nio.file.Path)} reads.
 *
 * <p>The refresh fails closed: any HTTP error, timeout, unreachable host or malformed file aborts it with a
 * {@link CatalogException} that names the URL, and the output file is replaced only after the whole catalogue has
 * been converted and read back.
 *
 * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/service-reference.html">Simplified
 *     AWS service information for programmatic access</a>
 */
public final class CatalogRefresher {

    /** AWS's endpoint for the service reference information, as text so that annotations can use it. */
    public static final String DEFAULT_BASE_URL = "https://servicereference.us-east-1.amazonaws.com/";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Parallel downloads; the index lists several hundred small files. */
    private static final int DOWNLOADS_IN_PARALLEL = 8;

    private final URI baseUrl;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final ActionCatalog fallback;
    private final Clock clock;

    private CatalogRefresher(Builder builder) {
        this.baseUrl = builder.baseUrl;
        this.connectTimeout = builder.connectTimeout;
        this.requestTimeout = builder.requestTimeout;
        this.fallback = builder.fallback == null ? ActionCatalog.bundled() : builder.fallback;
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Downloads every service file listed by the index at the base URL and writes the catalogue to {@code output}.
     *
     * @return the catalogue as written
     * @throws CatalogException if a download fails or a file is not shaped like AWS's service reference
     * @throws UncheckedIOException if {@code output} cannot be written
     */
    public ActionCatalog refresh(Path output) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        List<URI> serviceUrls = ServiceReferenceConverter.serviceUrls(fetch(client, baseUrl), baseUrl);
        List<JsonNode> serviceFiles = fetchAll(client, serviceUrls);
        ServiceReferenceConverter converter = new ServiceReferenceConverter(fallback);
        JsonNode catalogue = converter.catalogue(baseUrl, serviceUrls, serviceFiles, clock.instant());
        byte[] gzip = gzip(catalogue);
        ActionCatalog written = ActionCatalog.read(new ByteArrayInputStream(gzip));
        writeAtomically(output, gzip);
        return written;
    }

    private List<JsonNode> fetchAll(HttpClient client, List<URI> urls) {
        ExecutorService pool = Executors.newFixedThreadPool(DOWNLOADS_IN_PARALLEL, runnable -> {
            Thread thread = new Thread(runnable, "policyproof-catalog-download");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<JsonNode>> pending = new ArrayList<>();
            for (URI url : urls) {
                pending.add(pool.submit(() -> fetch(client, url)));
            }
            List<JsonNode> files = new ArrayList<>();
            for (Future<JsonNode> file : pending) {
                files.add(file.get());
            }
            return files;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new CatalogException("download failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException("catalogue refresh interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private JsonNode fetch(HttpClient client, URI url) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new CatalogException("GET " + url + " timed out: " + e.getMessage()
                    + "; check the network or try again later", e);
        } catch (ConnectException e) {
            throw new CatalogException("cannot connect to " + url + ": " + describe(e)
                    + "; check the base URL and the network", e);
        } catch (InterruptedIOException e) {
            throw new CatalogException("GET " + url + " was interrupted", e);
        } catch (IOException e) {
            throw new CatalogException("GET " + url + " failed: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException("GET " + url + " was interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new CatalogException("GET " + url + " returned HTTP " + response.statusCode()
                    + "; expected 200 with service reference JSON, so no catalogue was written");
        }
        try {
            return MAPPER.readTree(response.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new CatalogException(url + " did not return valid JSON" + where + ": " + e.getOriginalMessage()
                    + "; no catalogue was written", e);
        } catch (IOException e) {
            throw new CatalogException(url + " did not return valid JSON: " + e.getMessage(), e);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static byte[] gzip(JsonNode catalogue) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            MAPPER.writeValue(out, catalogue);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress the catalogue: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /** Writes to a temporary file next to {@code output} and moves it into place, so readers never see half a file. */
    private static void writeAtomically(Path output, byte[] content) {
        Path target = output.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            try {
                Files.write(temporary, content);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write catalogue file " + output + ": " + e.getMessage(), e);
        }
    }

    /** Builds a {@link CatalogRefresher}; every setting has a default. */
    public static final class Builder {
        private URI baseUrl = URI.create(DEFAULT_BASE_URL);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private @Nullable ActionCatalog fallback;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Sets the URL of the service index; service file URLs in the index resolve against it. */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** Sets how long to wait for a TCP connection; 10 seconds by default. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** Sets how long to wait for each complete response; 60 seconds by default. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * Sets the catalogue that supplies service display names and required flags, which the service files lack;
         * the bundled catalogue by default.
         */
        public Builder fallback(ActionCatalog fallback) {
            this.fallback = Objects.requireNonNull(fallback, "fallback");
            return this;
        }

        /** Sets the clock for the header's {@code generated} time, so that tests can fix it. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public CatalogRefresher build() {
            return new CatalogRefresher(this);
        }
    }
}
