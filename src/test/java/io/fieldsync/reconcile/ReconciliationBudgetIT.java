package io.fieldsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A reconciliation is limited by what it costs in Xero calls, estimated before the first, against
 * what today's budget has left: here a page is one invoice and only a few calls are left before
 * the reserve, so a period of many invoices is refused and an empty one answered.
 */
@TestPropertySource(properties = {
        "fieldsync.reconciliation.page-size=1",
        "fieldsync.xero.limits.daily-reserve=99990" // of the tests' 100,000 a day: at most 10 calls for syncs and reports
})
class ReconciliationBudgetIT extends MariaDbIntegrationTest {

    JdbcTemplate source;

    @BeforeEach
    void freshStart() {
        source = new JdbcTemplate(sourceDataSource);
        startFresh();
    }

    @Test
    void aPeriodEstimatedAtMoreCallsThanTodayHasLeftIsRefusedSayingBothAndCallsXeroNever() {
        LocalDate first = source.queryForObject("select min(issue_date) from invoices", java.sql.Date.class).toLocalDate();
        LocalDate last = source.queryForObject("select max(issue_date) from invoices", java.sql.Date.class).toLocalDate();
        int invoices = source.queryForObject("select count(*) from invoices where status in ('issued', 'paid', 'void')",
                Integer.class);
        assertThat(invoices).as("more invoices than calls left").isGreaterThan(10);
        long getsBefore = sandbox.apiCalls("GET", "Invoices");

        ResponseEntity<Map> refused = asViewer().getForEntity("/api/reports/reconciliation?from=" + first + "&to=" + last, Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("field", "to").containsEntry("callsNeeded", invoices);
        int left = (Integer) refused.getBody().get("callsAvailable");
        assertThat(left).isBetween(0, 10);
        assertThat((String) refused.getBody().get("error"))
                .contains("estimated " + invoices + " Xero calls")
                .contains(invoices + " pages of " + invoices + " invoices")
                .contains("only " + left + " are left");
        assertThat(sandbox.apiCalls("GET", "Invoices")).as("no call made for a refused period").isEqualTo(getsBefore);
    }

    @Test
    void aPeriodWithinTheBudgetLeftIsAnswered() {
        ResponseEntity<Map> answered = asViewer().getForEntity("/api/reports/reconciliation?from=2001-02-01&to=2001-02-28", Map.class);

        assertThat(answered.getStatusCode()).as("%s", answered.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(answered.getBody()).containsEntry("matched", 0).containsEntry("apiCalls", 1);
    }
}
