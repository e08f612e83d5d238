package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class CallsPerMinuteTest {

    private static final long NOON = Instant.parse("2026-12-08T12:00:00Z").toEpochMilli();

    @Test
    void countsCallsInTheMinuteTheyCompletedInOldestFirst() {
        CallsPerMinute counter = new CallsPerMinute();
        counter.called(NOON - 60_000);
        counter.called(NOON + 1_000);
        counter.called(NOON + 59_000);

        List<CallsPerMinute.Minute> hour = counter.lastHour(NOON + 59_500);

        assertThat(hour).hasSize(60);
        assertThat(hour.get(59)).isEqualTo(new CallsPerMinute.Minute(Instant.parse("2026-12-08T12:00:00Z"), 2));
        assertThat(hour.get(58)).isEqualTo(new CallsPerMinute.Minute(Instant.parse("2026-12-08T11:59:00Z"), 1));
        assertThat(hour.get(0).minute()).isEqualTo(Instant.parse("2026-12-08T11:01:00Z"));
        assertThat(hour.stream().mapToInt(CallsPerMinute.Minute::calls).sum()).isEqualTo(3);
    }

    @Test
    void aMinuteAnHourOldIsNotCountedAgainWhenItsSlotComesRound() {
        CallsPerMinute counter = new CallsPerMinute();
        counter.called(NOON);
        counter.called(NOON + 60 * 60_000); // the same slot of the ring, an hour later

        List<CallsPerMinute.Minute> hour = counter.lastHour(NOON + 60 * 60_000);

        assertThat(hour.get(59).calls()).isEqualTo(1);
        assertThat(hour.stream().mapToInt(CallsPerMinute.Minute::calls).sum()).isEqualTo(1);
    }

    @Test
    void aQuietHourShowsSixtyZeros() {
        CallsPerMinute counter = new CallsPerMinute();
        counter.called(NOON);

        assertThat(counter.lastHour(NOON + 2 * 60 * 60_000)).extracting(CallsPerMinute.Minute::calls).containsOnly(0);
    }
}
