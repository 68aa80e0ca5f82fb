package dev.policyproof.engine.template;

import dev.policyproof.engine.Problem;
import dev.policyproof.engine.internal.JsonValue;
import dev.policyproof.engine.template.TemplateValue.Entry;
import dev.policyproof.engine.template.TemplateValue.Mapping;
import dev.policyproof.engine.template.TemplateValue.Scalar;
import dev.policyproof.engine.template.TemplateValue.Sequence;
import dev.policyproof.engine.template.TemplateValue.Unknown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a resolved template value into the located JSON tree that the policy reader takes. */
final class JsonConverter {

    private final String logicalId;
    private final String path;
    private final boolean allowUnknowns;
    private final List<Problem> problems = new ArrayList<>();

    JsonConverter(String logicalId, String path, boolean allowUnknowns) {
        this.logicalId = logicalId;
        this.path = path;
        this.allowUnknowns = allowUnknowns;
    }

    List<Problem> problems() {
        return problems;
    }

    JsonValue convert(TemplateValue value) {
        if (value instanceof Mapping mapping) {
            Map<String, JsonValue.Member> members = new LinkedHashMap<>();
            for (Entry entry : mapping.entries().values()) {
                members.put(entry.key(), new JsonValue.Member(entry.key(), entry.keyLocation(), convert(entry.value())));
            }
            return new JsonValue.JsonObject(members, mapping.location());
        }
        if (value instanceof Sequence sequence) {
            return new JsonValue.JsonArray(sequence.elements().stream().map(this::convert).toList(),
                    sequence.location());
        }
        if (value instanceof Scalar scalar) {
            return switch (scalar.type()) {
                case STRING -> new JsonValue.JsonString(scalar.text(), scalar.location());
                case NUMBER -> new JsonValue.JsonNumber(scalar.text(), scalar.location());
                case BOOLEAN -> new JsonValue.JsonBoolean(Boolean.parseBoolean(scalar.text()), scalar.location());
            };
        }
        if (value instanceof Unknown unknown) {
            return unknown(unknown);
        }
        return new JsonValue.JsonNull(value.location());
    }

    private JsonValue unknown(Unknown unknown) {
        if (!allowUnknowns) {
            String element = unknown.location().pointer();
            problems.add(new Problem("unknown-value", "the policy in " + logicalId + " (" + path + ") has a value "
                    + "that cannot be known before deployment at " + element + ": " + unknown.reason() + "; give "
                    + "the value in a parameters file, or allow unknowns to check the policy with a placeholder "
                    + "that matches nothing", unknown.location()));
        }
        return new JsonValue.JsonString(placeholder(unknown), unknown.location());
    }

    /**
     * Returns a placeholder of letters, digits, {@code -} and {@code _} after a fixed prefix, so no policy reads it as
     * a pattern: an action name in {@code Action} and {@code NotAction}, an ARN with six fields anywhere else.
     */
    static String placeholder(Unknown unknown) {
        String cleaned = unknown.reason().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-")
                .replaceAll("^-|-$", "");
        String reason = cleaned.length() > 60 ? cleaned.substring(0, 60) : cleaned;
        String pointer = unknown.location().pointer().replaceAll("/\\d+$", "");
        boolean action = pointer.endsWith("/Action") || pointer.endsWith("/NotAction");
        return action
                ? TemplatePolicies.UNKNOWN_PLACEHOLDER + reason
                : "arn:" + TemplatePolicies.UNKNOWN_PLACEHOLDER + "unknown:unknown:unknown:" + reason;
    }
}
