package io.fieldsync.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Xero's date formats: answers carry Microsoft JSON dates, requests may send ISO dates. */
final class XeroDates {
    private static final Pattern MS_DATE = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");
    private static final DateTimeFormatter DATE_STRING = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter LOCK_DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", java.util.Locale.ENGLISH);

    private XeroDates() {
    }

    static String msDate(Instant instant) {
        return "/Date(" + instant.toEpochMilli() + "+0000)/";
    }

    static String msDate(LocalDate date) {
        return msDate(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The "DateString" twin Xero puts beside Date and DueDate. */
    static String dateString(LocalDate date) {
        return date.atStartOfDay().format(DATE_STRING);
    }

    static String lockDate(LocalDate date) {
        return date.format(LOCK_DATE);
    }

    /** Parses what a client may send: 2024-05-01, 2024-05-01T10:00:00, or /Date(ms+0000)/; null if none of them. */
    static Instant parseInstant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher ms = MS_DATE.matcher(text.trim());
        if (ms.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(ms.group(1)));
        }
        try {
            if (text.length() <= 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return ZonedDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    static LocalDate parseDate(String text) {
        Instant instant = parseInstant(text);
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
