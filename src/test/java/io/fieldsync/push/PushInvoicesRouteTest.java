package io.fieldsync.push;

import static io.fieldsync.push.PushStandIns.afterCursor;
import static io.fieldsync.push.PushStandIns.pageOrder;
import static io.fieldsync.push.PushStandIns.pages;
import static io.fieldsync.push.PushStandIns.rows;
import static io.fieldsync.push.PushStandIns.selectList;
import static io.fieldsync.push.PushStandIns.sql;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fieldsync.testing.RouteHarness;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * routes/push-invoices.camel.yaml through the push-to-xero template: issued invoices with their
 * customer, site and job, their lines read per page, to Xero sales invoices with 4-decimal prices.
 */
class PushInvoicesRouteTest {

    private final PushStandIns push = new PushStandIns();
    private RouteHarness routes;

    @BeforeEach
    void start() throws Exception {
        routes = push.started(PushStandIns.routes(push, "push-invoices"));
    }

    @AfterEach
    void stop() {
        push.close();
    }

    @Test
    void changedInvoicesAreReadWithCustomerSiteAndJobInKeysetPages() {
        MockEndpoint select = push.keysetSelect("from invoices i");
        pages(routes, select, List.of(rows(1, 2), rows(3)));

        push.push("push-invoices");

        assertThat(sql(select)).startsWith("select i.*, c.customer_number,")
                .contains("from invoices i left join customers c on c.id = i.customer_id left join sites s on s.id = i.site_id "
                        + "left join jobs j on j.id = i.job_id where " + afterCursor("i."))
                .endsWith(pageOrder("i."));
        assertThat(select.getReceivedExchanges()).extracting(e -> e.getProperty("cursor", PushPosition.class).afterId()).containsExactly(0L, 2L);
        MockEndpoint revisits = push.revisitSelect("from invoices i");
        assertThat(sql(revisits)).endsWith("where i.id in (:#in:${exchangeProperty.cursor.revisitIds})");
        assertThat(selectList(revisits)).isEqualTo(selectList(select));
    }

    @Test
    void aPagesLinesAreReadForItsInvoicesAndJoinedToThemBeforePlanning() {
        pages(routes, push.keysetSelect("from invoices i"), List.of(rows(1, 2), rows()));
        MockEndpoint lines = routes.mockContaining("sql:", "from invoice_lines l");
        // the (empty) page of invoices looked at again is prepared first
        pages(routes, lines, List.of(List.of(), List.of(line(10, 1), line(11, 2))));

        push.push("push-invoices");

        assertThat(sql(lines)).contains("where l.invoice_id in (:#in:${exchangeProperty.invoiceIds})")
                .endsWith("order by l.invoice_id, l.line_no");
        assertThat(lines.getReceivedExchanges().get(1).getProperty("invoiceIds")).isEqualTo(List.of(1L, 2L));
        assertThat(routes.journal()).containsSubsequence("to sql:" + sql(lines), "pushedEntities.documents invoice [1, 2] lines [10, 11]",
                "pushPlanner.screen invoice run 7 [1, 2]", "pushMapping.toXero invoice.to-xero [1, 2]",
                "pushPlanner.plan Invoices [1, 2]");
    }

    @Test
    void invoicesGoToXeroWithUnitPricesOfFourDecimals() {
        pages(routes, push.keysetSelect("from invoices i"), List.of(rows(1)));

        push.push("push-invoices");

        Exchange delivered = push.delivered();
        assertThat(delivered.getProperty("xeroCollection")).isEqualTo("Invoices");
        assertThat(delivered.getProperty("xeroMethod")).isEqualTo("POST");
        assertThat(delivered.getProperty("xeroQuery")).isEqualTo("summarizeErrors=false&unitdp=4");
    }

    private static Map<String, Object> line(long id, long invoiceId) {
        Map<String, Object> line = new HashMap<>();
        line.put("id", id);
        line.put("invoice_id", invoiceId);
        return line;
    }
}
