package io.fieldsync.settings;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * {@code fieldsync.schedule.*}, read at each use: {@code start} (ISO local date-time) and
 * {@code every} (ISO duration), or a Quartz {@code cron} expression instead; {@code zone}
 * for both (default: the machine's zone).
 */
@Component
public class ScheduleSettings {

    /** Shorter intervals would spend Xero's daily budget on empty runs. */
    public static final Duration SHORTEST = Duration.ofMinutes(1);

    private final Environment environment;

    public ScheduleSettings(Environment environment) {
        this.environment = environment;
    }

    public ZoneId zone() {
        String zone = environment.getProperty("fieldsync.schedule.zone");
        return StringUtils.hasText(zone) ? ZoneId.of(zone.trim()) : ZoneId.systemDefault();
    }

    public String cron() {
        String cron = environment.getProperty("fieldsync.schedule.cron");
        return StringUtils.hasText(cron) ? cron.trim() : null;
    }

    public LocalDateTime start() {
        String start = environment.getProperty("fieldsync.schedule.start");
        return StringUtils.hasText(start) ? LocalDateTime.parse(start.trim()) : null;
    }

    public Duration every() {
        String every = environment.getProperty("fieldsync.schedule.every");
        return StringUtils.hasText(every) ? Duration.parse(every.trim()) : null;
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
