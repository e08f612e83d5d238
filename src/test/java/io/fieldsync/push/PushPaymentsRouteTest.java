package io.fieldsync.push;

import static io.fieldsync.push.PushStandIns.afterCursor;
import static io.fieldsync.push.PushStandIns.pageOrder;
import static io.fieldsync.push.PushStandIns.pages;
import static io.fieldsync.push.PushStandIns.rows;
import static io.fieldsync.push.PushStandIns.sql;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.fieldsync.testing.RouteHarness;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * routes/push-payments.camel.yaml through the push-to-xero template: the field-service's own
 * payments with their invoice to Xero payments, created with PUT only.
 */
class PushPaymentsRouteTest {

    private final PushStandIns push = new PushStandIns();
    private RouteHarness routes;

    @BeforeEach
    void start() throws Exception {
        routes = push.started(PushStandIns.routes(push, "push-payments"));
    }

    @AfterEach
    void stop() {
        push.close();
    }

    @Test
    void onlyTheFieldServicesOwnPaymentsAreReadNotThoseImportedFromXero() {
        MockEndpoint select = push.keysetSelect("from payments p");
        pages(routes, select, List.of(rows(1, 2), rows()));

        push.push("push-payments");

        assertThat(sql(select)).startsWith("select p.*, i.invoice_number, i.status as invoice_status from payments p left join invoices i")
                .contains("where p.source = 'fsm' and " + afterCursor("p.")).endsWith(pageOrder("p."));
        assertThat(select.getReceivedExchanges()).extracting(e -> e.getProperty("cursor", PushPosition.class).afterId()).containsExactly(0L, 2L);
        assertThat(sql(push.revisitSelect("from payments p"))).endsWith("where p.source = 'fsm' and p.id in (:#in:${exchangeProperty.cursor.revisitIds})");
    }

    @Test
    void paymentsArePreparedWithTheirInvoiceAndPutToXero() {
        pages(routes, push.keysetSelect("from payments p"), List.of(rows(1)));

        push.push("push-payments");

        assertThat(routes.journal()).containsSubsequence("pushedEntities.documents payment [1]",
                "pushPlanner.screen payment run 7 [1]", "pushMapping.toXero payment.to-xero [1]",
                "pushPlanner.plan Payments [1]", "to direct:deliver-to-xero");
        Exchange delivered = push.delivered();
        assertThat(delivered.getProperty("xeroMethod")).as("Xero creates payments with PUT only").isEqualTo("PUT");
        assertThat(delivered.getProperty("xeroQuery")).isEqualTo("summarizeErrors=false");
    }
}
