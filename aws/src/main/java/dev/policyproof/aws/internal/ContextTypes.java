package dev.policyproof.aws.internal;

import dev.policyproof.engine.Condition;
import dev.policyproof.engine.ContextValue;
import dev.policyproof.engine.Policy;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.Statement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.iam.model.ContextEntry;

/**
 * Chooses the simulator's {@code ContextKeyType} for each context key of a request. The engine keeps values as text,
 * but the simulator compares typed values, so a wrong type would change its decision. The choice is conservative:
 *
 * <ol>
 *   <li>global keys whose type AWS documents use that type, such as {@code ip} for {@code aws:SourceIp};
 *   <li>other keys take the type of the condition operators that test them in the policies sent, such as
 *       {@code numeric} for {@code NumericLessThan}; {@code Null} says nothing about the type;
 *   <li>keys no typed operator tests are strings.
 * </ol>
 *
 * A key that operators of two types test, or a value that does not parse as its type, makes the request not
 * comparable. Multivalued keys get the list form of their type, such as {@code stringList}.
 */
public final class ContextTypes {

    private static final Map<String, String> KNOWN_TYPES = Map.ofEntries(
            Map.entry("aws:sourceip", "ip"),
            Map.entry("aws:currenttime", "date"),
            Map.entry("aws:tokenissuetime", "date"),
            Map.entry("aws:multifactorauthage", "numeric"),
            Map.entry("aws:multifactorauthpresent", "boolean"),
            Map.entry("aws:securetransport", "boolean"),
            Map.entry("aws:viaawsservice", "boolean"),
            Map.entry("aws:principalisawsservice", "boolean"),
            Map.entry("ssm:sessiondocumentaccesscheck", "boolean"));

    private ContextTypes() {}

    /** The entries for a request, or the reason they cannot be typed. */
    public record Entries(List<ContextEntry> entries, Optional<String> notComparableReason) {}

    /** Builds the context entries of {@code request}, typed from the conditions of {@code policies}. */
    public static Entries entries(Request request, Collection<Policy> policies) {
        List<ContextEntry> entries = new ArrayList<>();
        for (ContextValue value : request.context().values()) {
            String lowerKey = value.key().toLowerCase(Locale.ROOT);
            TreeSet<String> types = new TreeSet<>();
            String known = KNOWN_TYPES.get(lowerKey);
            if (known != null) {
                types.add(known);
            } else {
                types.addAll(operatorTypes(lowerKey, policies));
            }
            if (types.size() > 1) {
                return notComparable("the policies test context key " + value.key() + " as " + String.join(" and ",
                        types) + ", so its type for the simulator is ambiguous");
            }
            String type = types.isEmpty() ? "string" : types.first();
            for (String text : value.values()) {
                if (!parses(type, text)) {
                    return notComparable("the value \"" + text + "\" of context key " + value.key()
                            + " is not a valid " + type + ", as the policies' operators expect");
                }
            }
            entries.add(ContextEntry.builder()
                    .contextKeyName(value.key())
                    .contextKeyValues(value.values())
                    .contextKeyType(value.multivalued() ? type + "List" : type)
                    .build());
        }
        return new Entries(List.copyOf(entries), Optional.empty());
    }

    private static Entries notComparable(String reason) {
        return new Entries(List.of(), Optional.of(reason));
    }

    private static List<String> operatorTypes(String lowerKey, Collection<Policy> policies) {
        List<String> types = new ArrayList<>();
        for (Policy policy : policies) {
            for (Statement statement : policy.statements()) {
                for (Condition condition : statement.conditions()) {
                    if (condition.normalizedKey().equals(lowerKey)) {
                        typeOf(condition.operator().baseName()).ifPresent(types::add);
                    }
                }
            }
        }
        return types;
    }

    private static Optional<String> typeOf(String baseOperator) {
        if (baseOperator.startsWith("Numeric")) {
            return Optional.of("numeric");
        }
        if (baseOperator.startsWith("Date")) {
            return Optional.of("date");
        }
        if (baseOperator.equals("Bool")) {
            return Optional.of("boolean");
        }
        if (baseOperator.endsWith("IpAddress")) {
            return Optional.of("ip");
        }
        if (baseOperator.equals("BinaryEquals")) {
            return Optional.of("binary");
        }
        if (baseOperator.startsWith("String") || baseOperator.startsWith("Arn")) {
            return Optional.of("string");
        }
        return Optional.empty();
    }

    private static boolean parses(String type, String text) {
        return switch (type) {
            case "numeric" -> parsesAsNumber(text);
            case "boolean" -> text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
            case "date" -> parsesAsNumber(text) || parsesAsDate(text);
            case "ip" -> text.matches("[0-9a-fA-F:.]+(/[0-9]{1,3})?");
            default -> true;
        };
    }

    private static boolean parsesAsNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean parsesAsDate(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            try {
                OffsetDateTime.parse(text);
                return true;
            } catch (DateTimeParseException again) {
                return false;
            }
        }
    }
}
