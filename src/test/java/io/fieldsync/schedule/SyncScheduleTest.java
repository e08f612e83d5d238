package io.fieldsync.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** A start in the past continues the series the person set instead of firing at once. */
class SyncScheduleTest {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    @Test
    void aFutureStartIsTheFirstRun() {
        ZonedDateTime now = at("2026-11-22T10:00");
        assertThat(SyncSchedule.firstRunAtOrAfter(LocalDateTime.parse("2026-11-23T06:00"), Duration.ofHours(6), now, SYDNEY))
                .isEqualTo(at("2026-11-23T06:00"));
    }

    @Test
    void aPastStartContinuesItsSeries() {
        ZonedDateTime now = at("2026-11-22T10:07");
        assertThat(SyncSchedule.firstRunAtOrAfter(LocalDateTime.parse("2026-01-01T08:00"), Duration.ofMinutes(15), now, SYDNEY))
                .isEqualTo(at("2026-11-22T10:15"));
        assertThat(SyncSchedule.firstRunAtOrAfter(LocalDateTime.parse("2026-11-22T10:07"), Duration.ofMinutes(15), now, SYDNEY))
                .as("exactly now is now").isEqualTo(now);
    }

    @Test
    void dailyRunsKeepTheirTimeOfDayAcrossDaylightSaving() {
        // Sydney moved to daylight saving on 2026-10-04: 6 am stays 6 am
        ZonedDateTime now = at("2026-11-22T10:00");
        assertThat(SyncSchedule.firstRunAtOrAfter(LocalDateTime.parse("2026-07-01T06:00"), Duration.ofDays(1), now, SYDNEY))
                .isEqualTo(at("2026-11-23T06:00"));
    }

    @Test
    void noStartMeansNow() {
        ZonedDateTime now = at("2026-11-22T10:00");
        assertThat(SyncSchedule.firstRunAtOrAfter(null, Duration.ofHours(1), now, SYDNEY)).isEqualTo(now);
    }

    private static ZonedDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(SYDNEY);
    }
}
