package dev.policyproof.engine.catalog;

import dev.policyproof.engine.ContextValue;
import dev.policyproof.engine.RequestContext;
import dev.policyproof.engine.internal.DateValues;
import dev.policyproof.engine.internal.IpRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks request context values typed in by a user against the types the action catalogue gives their keys, so that
 * a typo such as {@code aws:SourceIp=203.0.113.300} is reported instead of silently failing every {@code IpAddress}
 * condition. Keys the catalogue does not list, and string keys, are not checked.
 */
public final class ContextValueCheck {

    private ContextValueCheck() {}

    /** Returns one sentence per value that does not fit its key's type, naming the key, the value and the form. */
    public static List<String> problems(RequestContext context) {
        List<String> problems = new ArrayList<>();
        for (ContextValue value : context.values()) {
            String type = ActionCatalog.bundled().conditionKeyType(value.key()).orElse("String");
            String base = type.startsWith("ArrayOf") ? type.substring("ArrayOf".length()) : type;
            for (String text : value.values()) {
                String expected = mismatch(base, text);
                if (expected != null) {
                    problems.add("invalid value \"" + text + "\" for " + value.key() + ", which the action catalogue "
                            + "types as " + type + "; write " + expected);
                }
            }
        }
        return problems;
    }

    /** Returns the expected form when {@code text} does not fit {@code type}, else null. */
    private static String mismatch(String type, String text) {
        return switch (type) {
            case "IPAddress" -> text.contains("/") || IpRange.tryParse(text) == null
                    ? "an IPv4 or IPv6 address, such as 203.0.113.7"
                    : null;
            case "Date" -> DateValues.tryParse(text) == null
                    ? "an ISO 8601 date-time such as 2026-01-31T23:59:59Z, or epoch seconds"
                    : null;
            case "Bool" -> text.toLowerCase(Locale.ROOT).matches("true|false") ? null : "true or false";
            case "Numeric" -> isNumber(text) ? null : "a number, such as 10 or 1.5";
            default -> null;
        };
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
