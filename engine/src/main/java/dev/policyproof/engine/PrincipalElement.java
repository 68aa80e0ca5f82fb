package dev.policyproof.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code Principal} or {@code NotPrincipal} element: either {@code "*"} or a map from principal type
 * ({@code AWS}, {@code Service}, {@code Federated}, {@code CanonicalUser}) to identifiers.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html">IAM
 *     JSON policy elements: Principal</a>
 */
public record PrincipalElement(
        String elementName, boolean anyone, Map<String, List<String>> principals, SourceLocation location) {

    public PrincipalElement {
        Objects.requireNonNull(elementName, "elementName");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        principals.forEach((type, ids) -> copy.put(type, List.copyOf(ids)));
        principals = java.util.Collections.unmodifiableMap(copy);
        Objects.requireNonNull(location, "location");
    }

    public boolean negated() {
        return elementName.equals("NotPrincipal");
    }
}
