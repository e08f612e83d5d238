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

/** routes/push-suppliers.camel.yaml through the push-to-xero template: vendors to Xero contacts the business buys from. */
class PushSuppliersRouteTest {

    private final PushStandIns push = new PushStandIns();
    private RouteHarness routes;

    @BeforeEach
    void start() throws Exception {
        routes = push.started(PushStandIns.routes(push, "push-suppliers"));
    }

    @AfterEach
    void stop() {
        push.close();
    }

    @Test
    void changedVendorsAreReadInKeysetPagesFromBehindTheLastRowRead() {
        MockEndpoint select = push.keysetSelect("from vendors");
        pages(routes, select, List.of(rows(1, 2), rows(3)));

        push.push("push-suppliers");

        assertThat(sql(select)).startsWith("select * from vendors where " + afterCursor("")).endsWith(pageOrder(""));
        assertThat(select.getReceivedExchanges()).extracting(e -> e.getProperty("cursor", PushPosition.class).afterId()).containsExactly(0L, 2L);
    }

    @Test
    void vendorsLookedAtAgainAreReadByIdWithTheSameColumns() {
        push.revisits(5L);

        push.push("push-suppliers");

        MockEndpoint revisits = push.revisitSelect("from vendors");
        assertThat(sql(revisits)).endsWith("where id in (:#in:${exchangeProperty.cursor.revisitIds})");
        assertThat(selectList(revisits)).isEqualTo(selectList(push.keysetSelect("from vendors")));
        assertThat(revisits.getReceivedExchanges().get(0).getProperty("cursor", PushPosition.class).revisitIds()).isEqualTo(List.of(5L));
    }

    @Test
    void vendorsGoAsTheyAreToXeroContactsThroughTheVendorMapping() {
        pages(routes, push.keysetSelect("from vendors"), List.of(rows(1)));

        push.push("push-suppliers");

        assertThat(routes.journal()).contains("pushedEntities.documents vendor [1]",
                "pushPlanner.screen vendor run 7 [1]", "pushMapping.toXero vendor.to-xero [1]",
                "pushPlanner.plan Contacts [1]", "recordOutcomes.save vendor [vendor-1] [OK]");
        Exchange delivered = push.delivered();
        assertThat(delivered.getProperty("xeroMethod")).isEqualTo("POST");
        assertThat(delivered.getProperty("xeroQuery")).isEqualTo("summarizeErrors=false");
    }
}
