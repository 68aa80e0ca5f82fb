package dev.policyproof.engine.catalog;

import java.util.Objects;

/** Where a catalogue file came from: its source, the source's version, when it was generated and its licence. */
public record CatalogHeader(String source, String sourceVersion, String generated, String licence, int schema) {

    /** The only layout version this reader understands. */
    public static final int SCHEMA = 1;

    public CatalogHeader {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceVersion, "sourceVersion");
        Objects.requireNonNull(generated, "generated");
        Objects.requireNonNull(licence, "licence");
    }
}
