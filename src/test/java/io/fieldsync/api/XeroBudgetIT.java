package io.fieldsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;

/** {@code GET /api/xero/budget}: the organisation's use of Xero's limits, readable by a viewer. */
class XeroBudgetIT extends MariaDbIntegrationTest {

    @Test
    @SuppressWarnings("unchecked")
    void aSyncsCallsShowInTheDaysUseAndInTheLastMinutes() {
        startFresh();
        Map<String, Object> before = asViewer().getForObject("/api/xero/budget", Map.class);
        syncToEnd();

        Map<String, Object> after = asViewer().getForObject("/api/xero/budget", Map.class);

        // the tests' limits (MariaDbIntegrationTest): 100,000 a day, 1,000 a one-minute window
        assertThat(after).containsEntry("perDay", 100_000).containsEntry("perWindow", 1000)
                .containsEntry("windowSeconds", 60).containsEntry("inFlight", 0);
        assertThat((Integer) after.get("reserve")).isPositive().isLessThan(100_000);
        int used = (Integer) after.get("usedToday") - (Integer) before.get("usedToday");
        assertThat(used).as("calls the sync made").isPositive();
        assertThat((Integer) after.get("usedInWindow")).isPositive();
        List<Map<String, Object>> minutes = (List<Map<String, Object>>) after.get("minutes");
        assertThat(minutes).hasSize(60);
        Instant thisMinute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant last = Instant.parse(minutes.get(59).get("minute").toString());
        assertThat(last).isBetween(thisMinute.minus(1, ChronoUnit.MINUTES), thisMinute);
        assertThat(Instant.parse(minutes.get(0).get("minute").toString())).isEqualTo(last.minus(59, ChronoUnit.MINUTES));
        int lastThreeMinutes = minutes.subList(57, 60).stream().mapToInt(m -> (Integer) m.get("calls")).sum();
        assertThat(lastThreeMinutes).as("the sync's calls, by the minute they completed in").isGreaterThanOrEqualTo(used);
    }
}
