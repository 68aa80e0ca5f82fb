package dev.policyproof.engine.proof;

import dev.policyproof.engine.SourceLocation;
import java.util.Objects;

/** A part of a policy that the prover does not represent exactly, with the reason and where it is. */
public record Unknown(String reason, SourceLocation location) {

    public Unknown {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String toString() {
        return location + ": " + reason;
    }
}
