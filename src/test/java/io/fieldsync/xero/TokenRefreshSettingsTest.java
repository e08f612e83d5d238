package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TokenRefreshSettingsTest {

    @Test
    void theDefaultsRefreshWeeksBeforeXeroForgetsTheToken() {
        assertThatCode(() -> new TokenRefreshSettings(Duration.ofHours(6), Duration.ofDays(7))).doesNotThrowAnyException();
        assertThatCode(() -> new TokenRefreshSettings(Duration.ofDays(1), Duration.ofDays(50))).doesNotThrowAnyException();
    }

    @Test
    void aRefreshThatMayComeAfterXerosSixtyDaysIsRefused() {
        assertThatThrownBy(() -> new TokenRefreshSettings(Duration.ofDays(1), Duration.ofDays(59)))
                .hasMessageContaining("fieldsync.xero.token-refresh.after").hasMessageContaining("60 days");
        assertThatThrownBy(() -> new TokenRefreshSettings(Duration.ofSeconds(10), Duration.ofDays(7)))
                .hasMessageContaining("check-every");
    }
}
