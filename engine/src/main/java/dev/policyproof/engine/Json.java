package dev.policyproof.engine;

import java.util.List;
import java.util.stream.Collectors;

/** Renders model values back to JSON for messages, so users see the text they wrote. */
final class Json {

    private Json() {}

    static String render(List<String> values, boolean listForm) {
        if (!listForm && values.size() == 1) {
            return quote(values.get(0));
        }
        return values.stream().map(Json::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
