package io.fieldsync.settings;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldsync.schedule.*}: the automatic sync (Quartz, clustered on the state database).
 * Changeable at run time; read through {@link ScheduleSettings}. Defaults: application.yml (none:
 * no automatic sync).
 *
 * @param start first automatic sync, ISO local date-time (2026-12-01T06:00); empty: now
 * @param every interval between automatic syncs, ISO-8601 duration (PT15M, PT6H, P1D), at least PT1M;
 *              empty: no automatic sync (unless cron is set)
 * @param cron  a Quartz cron expression instead of start and every
 * @param zone  the time zone of start, cron and the maintenance windows; empty: the machine's
 */
@Validated
@ConfigurationProperties("fieldsync.schedule")
public record ScheduleProperties(@SettingFormat(SettingFormat.Kind.LOCAL_DATE_TIME) String start,
                                 @DurationMin(minutes = 1, message = "must be at least PT1M") Duration every,
                                 @SettingFormat(SettingFormat.Kind.QUARTZ_CRON) String cron,
                                 @SettingFormat(SettingFormat.Kind.TIME_ZONE) String zone) {
}
