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
 * routes/push-bills.camel.yaml through the push-to-xero template: finished purchase orders, prepared
 * as purchase-orders.camel.yaml prepares them, to Xero bills (Invoices, ACCPAY).
 */
class PushBillsRouteTest {

    private final PushStandIns push = new PushStandIns();
    private RouteHarness routes;

    @BeforeEach
    void start() throws Exception {
        routes = push.started(PushStandIns.routes(push, "push-bills", "push-purchase-orders"));
    }

    @AfterEach
    void stop() {
        push.close();
    }

    @Test
    void onlyFinishedPurchaseOrdersAreRead() {
        MockEndpoint select = push.keysetSelect("from purchase_orders po", "po.status = 'finished'");
        pages(routes, select, List.of(rows(1, 2), rows()));

        push.push("push-bills");

        assertThat(sql(select)).contains("where po.status = 'finished' and " + afterCursor("po.")).endsWith(pageOrder("po."));
        assertThat(select.getReceivedExchanges()).hasSize(2);
        MockEndpoint revisits = push.revisitSelect("from purchase_orders po", "po.status = 'finished'");
        assertThat(sql(revisits)).endsWith("where po.status = 'finished' and po.id in (:#in:${exchangeProperty.cursor.revisitIds})");
        assertThat(routes.journal()).noneMatch(step -> step.contains("purchase-order.to-xero"));
    }

    @Test
    void aFinishedOrderIsPreparedWithItsLinesAndGoesToXeroAsABill() {
        pages(routes, push.keysetSelect("from purchase_orders po", "po.status = 'finished'"), List.of(rows(1)));
        // the (empty) page of orders looked at again is prepared first
        pages(routes, routes.mockContaining("sql:", "from purchase_order_lines l"), List.of(List.of(), rows(10)));

        push.push("push-bills");

        assertThat(routes.journal()).containsSubsequence("pushCursor.advance [1]", "pushedEntities.documents bill [1] lines [10]",
                "pushPlanner.screen bill run 7 [1]", "pushMapping.toXero bill.to-xero [1]",
                "pushPlanner.plan Invoices [1]", "recordOutcomes.save bill [bill-1] [OK]");
        Exchange delivered = push.delivered();
        assertThat(delivered.getProperty("xeroCollection")).isEqualTo("Invoices");
        assertThat(delivered.getProperty("xeroQuery")).isEqualTo("summarizeErrors=false&unitdp=4");
    }
}
