package io.fieldsync.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.fieldsync.config.SourceDatabaseSettings;
import io.fieldsync.testing.MariaDb;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The field-service database's wall-clock times and FieldSync's instants, in one convention. */
class SourceClockTest {

    @Test
    void aConfiguredZoneTurnsRowTimesIntoTheInstantsTheyWere() {
        SourceClock sydney = new SourceClock(null, settings("Australia/Sydney"));

        LocalDateTime summer = LocalDateTime.of(2026, 1, 15, 9, 30, 0, 123_456_000);
        assertThat(sydney.toInstant(summer)).isEqualTo(Instant.parse("2026-01-14T22:30:00.123456Z"));
        assertThat(sydney.toInstant(Timestamp.valueOf(summer))).isEqualTo(Instant.parse("2026-01-14T22:30:00.123456Z"));
        assertThat(sydney.toLocal(Instant.parse("2026-07-15T00:00:00Z"))).isEqualTo(LocalDateTime.of(2026, 7, 15, 10, 0));
        assertThat(sydney.toInstant(null)).isNull();
    }

    @Test
    void aZoneThatDoesNotExistStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> new SourceClock(null, settings("Mars/Olympus")))
                .hasMessageStartingWith("fieldsync.source.time-zone=Mars/Olympus is not a time zone");
    }

    @Test
    void keysetLiteralsKeepEveryMicrosecond() {
        LocalDateTime time = LocalDateTime.of(2026, 3, 2, 10, 0, 0, 7_000);
        assertThat(SourceClock.sqlLiteral(time)).isEqualTo("2026-03-02 10:00:00.000007");
        assertThat(SourceClock.parseSqlLiteral("2026-03-02 10:00:00.000007")).isEqualTo(time);
        assertThat(new KeysetPosition(time, 5).isAfter(new KeysetPosition(time.minusNanos(1000), 900))).isTrue();
        assertThat(new KeysetPosition(time, 5).isAfter(new KeysetPosition(time, 5))).isFalse();
    }

    @Test
    void withoutTheSettingTheServersOwnZoneIsUsed() {
        String url = MariaDb.BASE_URL.replaceAll("/+$", "") + "/?allowPublicKeyRetrieval=true&useSSL=false";
        SingleConnectionDataSource mariaDb = new SingleConnectionDataSource(url, MariaDb.USERNAME, MariaDb.PASSWORD, true);
        try {
            int serverOffset = new JdbcTemplate(mariaDb).queryForObject(
                    "select timestampdiff(second, utc_timestamp(), now())", Integer.class);

            ZoneId zone = new SourceClock(mariaDb, settings(null)).zone();

            assertThat(zone.getRules().getOffset(Instant.now())).isEqualTo(ZoneOffset.ofTotalSeconds(serverOffset));
        } finally {
            mariaDb.destroy();
        }
    }

    private static SourceDatabaseSettings settings(String zone) {
        SourceDatabaseSettings settings = new SourceDatabaseSettings();
        settings.setTimeZone(zone);
        return settings;
    }
}
