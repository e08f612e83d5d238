package io.fieldsync.settings;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;

import io.fieldsync.config.LiveSettings;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * {@code fieldsync.schedule.*} ({@link ScheduleProperties}), read at each use: {@code start} (ISO local date-time) and
 * {@code every} (ISO duration), or a Quartz {@code cron} expression instead; {@code zone}
 * for both (default: the machine's zone).
 */
@Component
public class ScheduleSettings {

    /** Shorter intervals would spend Xero's daily budget on empty runs. */
    public static final Duration SHORTEST = Duration.ofMinutes(1);

    private final LiveSettings settings;

    public ScheduleSettings(LiveSettings settings) {
        this.settings = settings;
    }

    public ZoneId zone() {
        return zone(settings.current(ScheduleProperties.class));
    }

    /** The schedule's zone as set (empty: the machine's). */
    public static ZoneId zone(ScheduleProperties schedule) {
        String zone = schedule.zone();
        return StringUtils.hasText(zone) ? ZoneId.of(zone.trim()) : ZoneId.systemDefault();
    }

    public String cron() {
        String cron = settings.current(ScheduleProperties.class).cron();
        return StringUtils.hasText(cron) ? cron.trim() : null;
    }

    public LocalDateTime start() {
        String start = settings.current(ScheduleProperties.class).start();
        return StringUtils.hasText(start) ? LocalDateTime.parse(start.trim()) : null;
    }

    public Duration every() {
        return settings.current(ScheduleProperties.class).every();
    }

    /** What the schedule is, in one line: stored with the trigger so nodes only replace a trigger that changed. */
    public String describe() {
        if (cron() != null) {
            return "cron " + cron() + " " + zone();
        }
        if (every() == null) {
            return "none";
        }
        return "every " + every() + " from " + (start() == null ? "now" : start()) + " " + zone();
    }
}
