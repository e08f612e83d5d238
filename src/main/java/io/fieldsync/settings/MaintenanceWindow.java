package io.fieldsync.settings;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A time when no sync may run: once ({@code start}..{@code end}, ISO local date-times) or every
 * week on some days ({@code days} like {@code SAT,SUN} or empty for every day, {@code from}..
 * {@code to} local times; a {@code to} before {@code from} runs past midnight). Times are in the
 * schedule's zone.
 */
public record MaintenanceWindow(LocalDateTime start, LocalDateTime end, Set<DayOfWeek> days, LocalTime from,
                                LocalTime to) {

    /** From the settings' strings; an {@link IllegalArgumentException} names the field at fault. */
    public static MaintenanceWindow parse(String start, String end, String days, String from, String to) {
        if (blank(start) && blank(end)) {
            if (blank(from) || blank(to)) {
                throw new IllegalArgumentException("from/to: a window needs start and end (once) or from and to (weekly)");
            }
            return new MaintenanceWindow(null, null, parseDays(days), time("from", from), time("to", to));
        }
        LocalDateTime starts = dateTime("start", start);
        LocalDateTime ends = dateTime("end", end);
        if (!ends.isAfter(starts)) {
            throw new IllegalArgumentException("end: must be after start");
        }
        return new MaintenanceWindow(starts, ends, null, null, null);
    }

    /** When the window that contains {@code now} ends, or empty when {@code now} is outside it. */
    public Optional<ZonedDateTime> endsAfter(ZonedDateTime now, ZoneId zone) {
        if (start != null) {
            ZonedDateTime starts = start.atZone(zone);
            ZonedDateTime ends = end.atZone(zone);
            return !now.isBefore(starts) && now.isBefore(ends) ? Optional.of(ends) : Optional.empty();
        }
        ZonedDateTime local = now.withZoneSameInstant(zone);
        // the window that started today, or the one that started yesterday and runs past midnight
        for (int daysBack = 0; daysBack <= 1; daysBack++) {
            ZonedDateTime day = local.minusDays(daysBack);
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime starts = day.toLocalDate().atTime(from).atZone(zone);
            ZonedDateTime ends = (to.isAfter(from) ? day.toLocalDate() : day.toLocalDate().plusDays(1)).atTime(to).atZone(zone);
            if (!local.isBefore(starts) && local.isBefore(ends)) {
                return Optional.of(ends);
            }
        }
        return Optional.empty();
    }

    private static Set<DayOfWeek> parseDays(String days) {
        if (blank(days)) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> parsed = EnumSet.noneOf(DayOfWeek.class);
        for (String day : days.split("[,\\s]+")) {
            String name = day.trim().toUpperCase(Locale.ROOT);
            DayOfWeek match = null;
            for (DayOfWeek candidate : DayOfWeek.values()) {
                if (name.length() >= 3 && candidate.name().startsWith(name)) {
                    match = candidate;
                }
            }
            if (match == null) {
                throw new IllegalArgumentException("days: '" + day + "' is not a day of the week (MON..SUN)");
            }
            parsed.add(match);
        }
        return parsed;
    }

    private static LocalDateTime dateTime(String field, String value) {
        try {
            return LocalDateTime.parse(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not an ISO local date-time like 2026-12-24T18:00");
        }
    }

    private static LocalTime time(String field, String value) {
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not a time like 22:30");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
