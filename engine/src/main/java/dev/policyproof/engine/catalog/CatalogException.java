package dev.policyproof.engine.catalog;

/**
 * A catalogue that cannot be read or refreshed: a file that is not a catalogue, an unsupported schema, or a download
 * that failed. The message names the file or URL.
 */
public class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
