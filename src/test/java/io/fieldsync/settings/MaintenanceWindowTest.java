package io.fieldsync.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class MaintenanceWindowTest {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    @Test
    void aOneOffWindowContainsItsStartButNotItsEnd() {
        MaintenanceWindow window = MaintenanceWindow.parse("2026-12-24T18:00", "2026-12-27T08:00", null, null, null);

        assertThat(window.endsAfter(at("2026-12-24T18:00"), SYDNEY)).contains(at("2026-12-27T08:00"));
        assertThat(window.endsAfter(at("2026-12-26T12:00"), SYDNEY)).contains(at("2026-12-27T08:00"));
        assertThat(window.endsAfter(at("2026-12-27T08:00"), SYDNEY)).isEmpty();
        assertThat(window.endsAfter(at("2026-12-24T17:59"), SYDNEY)).isEmpty();
    }

    @Test
    void aWeeklyWindowPastMidnightEndsTheNextMorning() {
        // Saturday 2026-11-21 and Sunday 2026-11-22
        MaintenanceWindow window = MaintenanceWindow.parse(null, null, "SAT,SUN", "22:00", "02:00");

        assertThat(window.endsAfter(at("2026-11-21T23:30"), SYDNEY)).contains(at("2026-11-22T02:00"));
        assertThat(window.endsAfter(at("2026-11-22T01:00"), SYDNEY)).as("Saturday's window, after midnight").contains(at("2026-11-22T02:00"));
        assertThat(window.endsAfter(at("2026-11-23T01:00"), SYDNEY)).as("Sunday's window runs into Monday").contains(at("2026-11-23T02:00"));
        assertThat(window.endsAfter(at("2026-11-24T01:00"), SYDNEY)).as("Monday's night is not in it").isEmpty();
        assertThat(window.endsAfter(at("2026-11-21T12:00"), SYDNEY)).isEmpty();
    }

    @Test
    void aDailyWindowNeedsNoDays() {
        MaintenanceWindow window = MaintenanceWindow.parse(null, null, "", "12:00", "13:00");

        assertThat(window.endsAfter(at("2026-11-25T12:30"), SYDNEY)).contains(at("2026-11-25T13:00"));
    }

    @Test
    void badWindowsNameTheirField() {
        assertThatThrownBy(() -> MaintenanceWindow.parse("2026-12-24T18:00", "2026-12-24T08:00", null, null, null))
                .hasMessageStartingWith("end:");
        assertThatThrownBy(() -> MaintenanceWindow.parse("tomorrow", "2026-12-24T08:00", null, null, null))
                .hasMessageStartingWith("start:");
        assertThatThrownBy(() -> MaintenanceWindow.parse(null, null, "FUNDAY", "22:00", "23:00"))
                .hasMessageStartingWith("days:");
        assertThatThrownBy(() -> MaintenanceWindow.parse(null, null, null, "22:00", null))
                .hasMessageStartingWith("from/to:");
    }

    private static ZonedDateTime at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(SYDNEY);
    }
}
