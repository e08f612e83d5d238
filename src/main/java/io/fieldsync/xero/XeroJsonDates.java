package io.fieldsync.xero;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Xero's JSON gives them: {@code /Date(1700000000000+0000)/} (milliseconds, before 1970
 * negative) or ISO {@code 2026-10-03T00:00:00}. Null for anything else, never a guess.
 * The sandbox reads them with its own code on purpose: a shared parser would hide its own bugs.
 */
public final class XeroJsonDates {

    private static final Pattern MS_DATE = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");

    private XeroJsonDates() {
    }

    public static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher ms = MS_DATE.matcher(text.trim());
        if (ms.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(ms.group(1)));
        }
        try {
            return LocalDateTime.parse(text.trim().length() > 19 ? text.trim().substring(0, 19) : text.trim()).toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The calendar date Xero means: its dates are midnight UTC of that day. */
    public static LocalDate date(String text) {
        Instant instant = instant(text);
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
