package io.fieldsync.push;

import static io.fieldsync.push.PushStandIns.afterCursor;
import static io.fieldsync.push.PushStandIns.pageOrder;
import static io.fieldsync.push.PushStandIns.pages;
import static io.fieldsync.push.PushStandIns.rows;
import static io.fieldsync.push.PushStandIns.selectList;
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
 * routes/push-purchase-orders.camel.yaml through the push-to-xero template: purchase orders with
 * their vendor, their lines read per page, to Xero purchase orders (no unitdp).
 */
class PushPurchaseOrdersRouteTest {

    private final PushStandIns push = new PushStandIns();
    private RouteHarness routes;

    @BeforeEach
    void start() throws Exception {
        routes = push.started(PushStandIns.routes(push, "push-purchase-orders"));
    }

    @AfterEach
    void stop() {
        push.close();
    }

    @Test
    void changedPurchaseOrdersOfEveryStatusAreReadWithTheirVendorInKeysetPages() {
        MockEndpoint select = push.keysetSelect("from purchase_orders po");
        pages(routes, select, List.of(rows(1, 2), rows(3)));

        push.push("push-purchase-orders");

        assertThat(sql(select)).isEqualTo("select po.*, v.name as vendor_name from purchase_orders po left join vendors v on v.id = po.vendor_id "
                + "where " + afterCursor("po.") + " " + pageOrder("po."));
        assertThat(select.getReceivedExchanges()).extracting(e -> e.getProperty("cursor", PushPosition.class).afterId()).containsExactly(0L, 2L);
        assertThat(selectList(push.revisitSelect("from purchase_orders po"))).isEqualTo(selectList(select));
    }

    @Test
    void aPagesLinesAreReadForItsOrdersAndJoinedToThemForPurchaseOrders() {
        pages(routes, push.keysetSelect("from purchase_orders po"), List.of(rows(1)));
        MockEndpoint lines = routes.mockContaining("sql:", "from purchase_order_lines l");
        // the (empty) page of orders looked at again is prepared first
        pages(routes, lines, List.of(List.of(), rows(10)));

        push.push("push-purchase-orders");

        assertThat(sql(lines)).contains("where l.purchase_order_id in (:#in:${exchangeProperty.purchaseOrderIds})");
        assertThat(lines.getReceivedExchanges().get(1).getProperty("purchaseOrderIds")).isEqualTo(List.of(1L));
        assertThat(routes.journal()).containsSubsequence("pushedEntities.documents purchase-order [1] lines [10]",
                "pushPlanner.screen purchase-order run 7 [1]", "pushMapping.toXero purchase-order.to-xero [1]",
                "pushPlanner.plan PurchaseOrders [1]");
        Exchange delivered = push.delivered();
        assertThat(delivered.getProperty("xeroMethod")).isEqualTo("POST");
        assertThat(delivered.getProperty("xeroQuery")).isEqualTo("summarizeErrors=false");
    }
}
