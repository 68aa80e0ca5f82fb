package dev.policyproof.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A policy value that may hold policy variables such as {@code ${aws:username}} or
 * {@code ${aws:PrincipalTag/team, 'none'}}, parsed once and resolved per request.
 *
 * <p>Substituted values and the escapes {@code ${*}}, {@code ${?}} and {@code ${$}} are literal text: a user name that
 * contains {@code *} does not become a wildcard. A variable whose key has no single value and no default makes the
 * whole value unresolved, which each caller maps to IAM's rule (a {@code Resource} matches nothing, a positive
 * string operator fails, a negated one matches).
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html">IAM policy
 *     elements: Variables and tags</a>
 */
public final class PolicyValueTemplate {

    private sealed interface Part {}

    /** Policy text in which {@code *} and {@code ?} keep their wildcard meaning for pattern operators. */
    private record Text(String text) implements Part {}

    private record Escape(char character) implements Part {}

    private record Variable(String key, @Nullable String defaultValue) implements Part {}

    private final String source;
    private final List<Part> parts;

    private PolicyValueTemplate(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses {@code value}; when {@code substitute} is false (a policy without {@code "Version": "2012-10-17"}) the
     * whole value is text, {@code ${...}} included.
     *
     * @throws IllegalArgumentException if a {@code ${} is not closed or its default is malformed
     */
    public static PolicyValueTemplate parse(String value, boolean substitute) {
        List<Part> parts = new ArrayList<>();
        if (!substitute) {
            parts.add(new Text(value));
            return new PolicyValueTemplate(value, parts);
        }
        int position = 0;
        while (position < value.length()) {
            int open = value.indexOf("${", position);
            if (open < 0) {
                parts.add(new Text(value.substring(position)));
                break;
            }
            if (open > position) {
                parts.add(new Text(value.substring(position, open)));
            }
            int close = value.indexOf('}', open + 2);
            if (close < 0) {
                throw new IllegalArgumentException("policy variable starting at character " + (open + 1)
                        + " has no closing '}'; write ${$} for a literal '$'");
            }
            parts.add(parseVariable(value.substring(open + 2, close)));
            position = close + 1;
        }
        return new PolicyValueTemplate(value, parts);
    }

    private static Part parseVariable(String body) {
        if (body.equals("*") || body.equals("?") || body.equals("$")) {
            return new Escape(body.charAt(0));
        }
        if (body.contains("$") || body.contains("{")) {
            throw new IllegalArgumentException("policy variable ${" + body + "} is nested or contains a '$' or '{'. "
                    + "Variables cannot contain other variables, so write one ${key}, or ${$} for a literal '$'");
        }
        int comma = body.indexOf(',');
        if (comma < 0) {
            return requireKey(body.strip(), null);
        }
        String key = body.substring(0, comma).strip();
        String fallback = body.substring(comma + 1).strip();
        if (fallback.length() < 2 || fallback.charAt(0) != '\'' || fallback.charAt(fallback.length() - 1) != '\'') {
            throw new IllegalArgumentException("default value of ${" + body + "} must be in single quotes, as in ${"
                    + key + ", 'default'}");
        }
        return requireKey(key, fallback.substring(1, fallback.length() - 1));
    }

    private static Variable requireKey(String key, @Nullable String defaultValue) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("policy variable has no key name, as in ${}");
        }
        return new Variable(key.toLowerCase(Locale.ROOT), defaultValue);
    }

    /** Returns true when the value has at least one variable or escape to resolve. */
    public boolean hasVariables() {
        return parts.stream().anyMatch(part -> !(part instanceof Text));
    }

    /**
     * Resolves the value for a request.
     *
     * @param singleValue returns the single value of a lower-case context key, or null when the key is absent or
     *     multivalued (IAM substitutes only single-valued keys)
     * @param wildcards whether {@code *} and {@code ?} in the policy text are wildcards ({@code StringLike},
     *     {@code ArnLike}, {@code Resource}) or literal ({@code StringEquals})
     * @return the resolved pattern, or empty when a variable has no value and no default
     */
    public Optional<GlobPattern> resolve(Function<String, @Nullable String> singleValue, boolean wildcards) {
        GlobPattern.Builder pattern = GlobPattern.builder();
        for (Part part : parts) {
            if (part instanceof Text text) {
                if (wildcards) {
                    pattern.appendPattern(text.text());
                } else {
                    pattern.appendLiteral(text.text());
                }
            } else if (part instanceof Escape escape) {
                pattern.appendLiteral(String.valueOf(escape.character()));
            } else if (part instanceof Variable variable) {
                String value = singleValue.apply(variable.key());
                if (value == null) {
                    value = variable.defaultValue();
                }
                if (value == null) {
                    return Optional.empty();
                }
                pattern.appendLiteral(value);
            }
        }
        return Optional.of(pattern.build());
    }

    /** Returns the value as written in the policy. */
    @Override
    public String toString() {
        return source;
    }
}
