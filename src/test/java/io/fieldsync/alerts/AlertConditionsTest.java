package io.fieldsync.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Each condition alerts once, again only after repeat-after while it lasts, and afresh once cleared. */
class AlertConditionsTest {

    private final MockEnvironment environment = io.fieldsync.testing.ShippedSettings.environment().withProperty("fieldsync.alerts.repeat-after", "PT6H");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private AlertConditions conditions;

    @BeforeEach
    void freshStateStore() {
        conditions = new AlertConditions(H2StateStore.migrated(), new AlertSettings(environment), clock);
    }

    @Test
    void aNewConditionAlertsOnceAndNotAgainWithinRepeatAfter() {
        assertThat(conditions.raise(AlertConditions.RUN_FAILED)).isTrue();
        clock.advance(Duration.ofMinutes(15));
        assertThat(conditions.raise(AlertConditions.RUN_FAILED)).isFalse();
        clock.advance(Duration.ofHours(5));
        assertThat(conditions.raise(AlertConditions.RUN_FAILED)).isFalse();
    }

    @Test
    void aConditionThatPersistsPastRepeatAfterAlertsAgainThenWaitsAnotherInterval() {
        assertThat(conditions.raise(AlertConditions.DAILY_LIMIT)).isTrue();
        clock.advance(Duration.ofHours(6));
        assertThat(conditions.raise(AlertConditions.DAILY_LIMIT)).isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(conditions.raise(AlertConditions.DAILY_LIMIT)).isFalse();
    }

    @Test
    void aClearedConditionAlertsAtOnceWhenItComesBack() {
        assertThat(conditions.raise(AlertConditions.RECONNECT_NEEDED)).isTrue();
        conditions.clear(List.of(AlertConditions.RECONNECT_NEEDED));
        clock.advance(Duration.ofMinutes(1));
        assertThat(conditions.raise(AlertConditions.RECONNECT_NEEDED)).isTrue();
    }

    @Test
    void conditionsAreDedupedEachOnItsOwn() {
        assertThat(conditions.raise(AlertConditions.recordFailing("invoice", 17))).isTrue();
        assertThat(conditions.raise(AlertConditions.recordFailing("invoice", 18))).isTrue();
        assertThat(conditions.raise(AlertConditions.RUN_FAILED)).isTrue();
        assertThat(conditions.raise(AlertConditions.recordFailing("invoice", 17))).isFalse();
        assertThat(conditions.failingRecords()).containsExactlyInAnyOrder("record-failing:invoice:17", "record-failing:invoice:18");
    }

    @Test
    void repeatAfterIsReadWhenUsedSoARunTimeChangeApplies() {
        assertThat(conditions.raise(AlertConditions.RUN_FAILED)).isTrue();
        clock.advance(Duration.ofMinutes(10));
        environment.setProperty("fieldsync.alerts.repeat-after", "PT5M");
        assertThat(conditions.raise(AlertConditions.RUN_FAILED)).isTrue();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
