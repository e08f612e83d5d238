package io.fieldsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsync.testing.RouteHarness;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * routes/reconcile.camel.yaml: a period's field-service documents against Xero's, bills beside
 * invoices when the setting names them; the mailed report is queued in the alert outbox. The
 * books and the comparison are stand-ins that write what they were given.
 */
class ReconcileRouteTest {

    private boolean billsIncluded;
    private RouteHarness routes;

    @BeforeEach
    void start() throws Exception {
        routes = RouteHarness.routes("reconcile")
                .bean("fsmBooks", new Object() {
                    public String invoices(String period) {
                        return "fsm invoices of " + period;
                    }

                    public String bills(String period) {
                        return "fsm bills of " + period;
                    }
                })
                .bean("xeroBooks", new Object() {
                    public String documents(String fsm, String period) {
                        routes.note("xeroBooks.documents like " + fsm);
                        return "xero " + fsm.replace("fsm ", "");
                    }
                })
                .bean("reconciliation", new Object() {
                    public String report(String period, String fsm, String xero) {
                        return "report " + period + ": " + fsm + " / " + xero;
                    }

                    public String add(String report, String period, String fsm, String xero) {
                        return report + "; " + fsm + " / " + xero;
                    }
                })
                .bean("reconciliationDocuments", new Object() {
                    public boolean includes(String kind) {
                        return "bill".equals(kind) && billsIncluded;
                    }
                })
                .bean("reconciliationMail", new Object() {
                    public long queue(String report) {
                        routes.note("reconciliationMail.queue " + report);
                        return 5L;
                    }
                })
                .start();
    }

    @AfterEach
    void stop() {
        routes.close();
    }

    @Test
    void invoicesOfThePeriodAreComparedWithXerosOfTheSameDates() {
        Exchange reconciled = routes.send("direct:reconcile-period", exchange -> exchange.getMessage().setBody("2026-11"));

        assertThat(reconciled.getMessage().getBody()).isEqualTo("report 2026-11: fsm invoices of 2026-11 / xero invoices of 2026-11");
        assertThat(routes.journal()).containsExactly("xeroBooks.documents like fsm invoices of 2026-11");
    }

    @Test
    void billsAreAddedWhenTheSettingNamesThem() {
        billsIncluded = true;

        Exchange reconciled = routes.send("direct:reconcile-period", exchange -> exchange.getMessage().setBody("2026-11"));

        assertThat(reconciled.getMessage().getBody()).isEqualTo("report 2026-11: fsm invoices of 2026-11 / xero invoices of 2026-11; "
                + "fsm bills of 2026-11 / xero bills of 2026-11");
    }

    @Test
    void theMailedReportIsQueuedInTheOutboxAndHandedBack() {
        Exchange mailed = routes.send("direct:mail-reconciliation", exchange -> exchange.getMessage().setBody("2026-11"));

        String report = "report 2026-11: fsm invoices of 2026-11 / xero invoices of 2026-11";
        assertThat(mailed.getMessage().getBody()).isEqualTo(report);
        assertThat(mailed.getProperty("outboxId")).isEqualTo(5L);
        assertThat(routes.journal()).endsWith("reconciliationMail.queue " + report);
    }
}
