package dev.policyproof.engine.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Parses the date forms the {@code Date*} operators accept: W3C ISO 8601 dates and date-times (a missing offset means
 * UTC) and epoch seconds. Values are compared as instants, so {@code "1577836800"} equals
 * {@code "2020-01-01T00:00:00Z"}.
 */
public final class DateValues {

    private DateValues() {}

    static Instant parse(String text) {
        Instant instant = tryParse(text);
        if (instant == null) {
            throw new IllegalArgumentException("\"" + text
                    + "\" is not a date; use ISO 8601 such as \"2026-01-31T23:59:59Z\" or epoch seconds such as \"1769903999\"");
        }
        return instant;
    }

    public static @Nullable Instant tryParse(String text) {
        String value = text.strip();
        if (value.matches("-?\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(value));
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            // try the next form
        }
        try {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
            return null;
        }
    }
}
