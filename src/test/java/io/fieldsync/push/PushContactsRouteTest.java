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

/** routes/push-contacts.camel.yaml through the push-to-xero template: customers to Xero contacts. */
class PushContactsRouteTest {

    private final PushStandIns push = new PushStandIns();
    private RouteHarness routes;

    @BeforeEach
    void start() throws Exception {
        routes = push.started(PushStandIns.routes(push, "push-contacts"));
    }

    @AfterEach
    void stop() {
        push.close();
    }

    @Test
    void changedCustomersAreReadInKeysetPagesFromBehindTheLastRowRead() {
        MockEndpoint select = push.keysetSelect("from customers");
        pages(routes, select, List.of(rows(1, 2), rows(3)));

        push.push("push-contacts");

        assertThat(sql(select)).startsWith("select * from customers where " + afterCursor("")).endsWith(pageOrder(""));
        assertThat(select.getReceivedExchanges()).extracting(e -> e.getProperty("cursor", PushPosition.class).afterId()).containsExactly(0L, 2L);
    }

    @Test
    void customersLookedAtAgainAreReadByIdWithTheSameColumns() {
        push.revisits(5L);

        push.push("push-contacts");

        MockEndpoint revisits = push.revisitSelect("from customers");
        assertThat(sql(revisits)).endsWith("where id in (:#in:${exchangeProperty.cursor.revisitIds})");
        assertThat(selectList(revisits)).isEqualTo(selectList(push.keysetSelect("from customers")));
        assertThat(revisits.getReceivedExchanges().get(0).getProperty("cursor", PushPosition.class).revisitIds()).isEqualTo(List.of(5L));
    }

    @Test
    void customersGoAsTheyAreToXeroContactsThroughTheContactMapping() {
        pages(routes, push.keysetSelect("from customers"), List.of(rows(1)));

        push.push("push-contacts");

        assertThat(routes.journal()).contains("pushedEntities.documents contact [1]",
                "pushPlanner.screen contact run 7 [1]", "pushMapping.toXero contact.to-xero [1]",
                "pushPlanner.plan Contacts [1]", "recordOutcomes.save contact [contact-1] [OK]");
        Exchange delivered = push.delivered();
        assertThat(delivered.getProperty("xeroMethod")).isEqualTo("POST");
        assertThat(delivered.getProperty("xeroQuery")).isEqualTo("summarizeErrors=false");
    }
}
