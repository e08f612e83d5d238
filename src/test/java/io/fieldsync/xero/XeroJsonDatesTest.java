package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class XeroJsonDatesTest {

    @Test
    void readsXerosMillisecondDatesIncludingThoseBefore1970() {
        assertThat(XeroJsonDates.instant("/Date(1762128000000+0000)/")).isEqualTo(Instant.parse("2025-11-03T00:00:00Z"));
        assertThat(XeroJsonDates.date("/Date(-2208988800000+0000)/")).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(XeroJsonDates.instant("/Date(1762128000000)/")).isEqualTo(Instant.parse("2025-11-03T00:00:00Z"));
    }

    @Test
    void readsIsoDatesAsUtcAndRefusesToGuessAnythingElse() {
        assertThat(XeroJsonDates.date("2026-10-03T00:00:00")).isEqualTo(LocalDate.of(2026, 10, 3));
        assertThat(XeroJsonDates.instant("2026-10-03T09:15:30.123")).isEqualTo(Instant.parse("2026-10-03T09:15:30Z"));
        assertThat(XeroJsonDates.instant("03/10/2026")).isNull();
        assertThat(XeroJsonDates.instant(null)).isNull();
        assertThat(XeroJsonDates.instant(" ")).isNull();
    }
}
