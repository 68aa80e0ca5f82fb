package dev.policyproof.aws;

import dev.policyproof.engine.SourceLocation;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One Access Analyzer {@code ValidatePolicy} finding.
 *
 * @param findingType the type as the service sent it, such as {@code SECURITY_WARNING}
 * @param severity the type as this library orders it; unknown types count as {@link FindingSeverity#ERROR}
 * @param issueCode the stable code of the check, such as {@code PASS_ROLE_WITH_STAR_IN_RESOURCE}
 * @param details the service's explanation
 * @param learnMoreLink the page that explains the check
 * @param locations where in the policy the finding applies
 * @since 0.1.0
 */
public record ValidationFinding(
        String findingType,
        FindingSeverity severity,
        String issueCode,
        String details,
        String learnMoreLink,
        List<Location> locations) {

    public ValidationFinding {
        Objects.requireNonNull(findingType, "findingType");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(issueCode, "issueCode");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(learnMoreLink, "learnMoreLink");
        locations = List.copyOf(locations);
    }

    /**
     * Where a finding applies.
     *
     * @param path the JSON path as Access Analyzer reports it, such as {@code Statement[0].Resource}
     * @param location the position in the policy file, found from the path. When the path names no element of the
     *     text, the service's span gives it, and null means neither worked
     */
    public record Location(String path, @Nullable SourceLocation location) {

        public Location {
            Objects.requireNonNull(path, "path");
        }

        /** Formats the location as {@code file:line:column (path)}, or the path alone. */
        @Override
        public String toString() {
            return location == null ? path : location.source() + ":" + location.line() + ":" + location.column()
                    + " (" + path + ")";
        }
    }

    /** Describes the finding in one line: type, code, first location and details. */
    public String describe() {
        String where = locations.isEmpty() ? "" : " at " + locations.get(0);
        return findingType + " " + issueCode + where + ": " + details;
    }
}
