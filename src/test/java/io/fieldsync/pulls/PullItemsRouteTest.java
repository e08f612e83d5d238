package io.fieldsync.pulls;

import static io.fieldsync.pulls.PullStandIns.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.fieldsync.testing.RouteHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * routes/pull-items.camel.yaml: Xero items to materials through the pull-from-xero template, and
 * the soft delete of materials no Xero item is linked to (remove-unmatched-items).
 */
class PullItemsRouteTest {

    private final PullStandIns pull = new PullStandIns();
    private RouteHarness routes;

    @BeforeEach
    void start() throws Exception {
        routes = pull.started(pull.routes("pull-items"));
        pull.insertsReturnKeys("insert into materials");
    }

    @AfterEach
    void stop() {
        routes.close();
    }

    @Test
    void aNewItemBecomesAMaterialReadBackWithItsTaxCode() {
        pull.page(record(1, "create", null));

        pull.pull("pull-items");

        var select = routes.mockContaining("sql:select m.*", "linkedIds");
        assertThat(RouteHarness.mocked(select)).endsWith("where m.id in (:#in:${exchangeProperty.linkedIds}) "
                + "or m.sku in (:#in:${exchangeProperty.numbers})");
        assertThat(routes.journal()).containsSubsequence("xeroPull.start item", "to sql:insert into materials (sku, name, description, "
                + "sell_price, cost_price) values (:#sku, :#name, :#description, :#sell_price, :#cost_price)",
                "pullDecisions.created 101", "to sql:select m.*, t.code as tax_code, t.rate as tax_rate from materials m left join "
                + "tax_codes t on t.id = m.tax_code_id where m.id = :#${exchangeProperty.decision[localId]}",
                "pullDecisions.written create 101", "xeroPull.commit item");
    }

    @Test
    void materialsWithoutAXeroItemAreSoftDeletedKeepingTheLinkedOnes() {
        routes.send("direct:remove-unmatched-items", exchange -> { });

        var delete = routes.mockContaining("sql:update materials set deleted_at");
        assertThat(RouteHarness.mocked(delete)).isEqualTo("sql:update materials set deleted_at = current_timestamp(6) "
                + "where deleted_at is null and id not in (:#in:${exchangeProperty.keptIds})");
        assertThat(delete.getReceivedExchanges().get(0).getProperty("keptIds")).isEqualTo(List.of(1L, 2L));
        assertThat(routes.journal()).containsExactly("pullDecisions.linkedLocalIds item", "to " + RouteHarness.mocked(delete));
    }
}
