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
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** routes/push-items.camel.yaml through the push-to-xero template: materials with their tax code to Xero items. */
class PushItemsRouteTest {

    private final PushStandIns push = new PushStandIns();
    private RouteHarness routes;

    @BeforeEach
    void start() throws Exception {
        routes = push.started(PushStandIns.routes(push, "push-items"));
    }

    @AfterEach
    void stop() {
        push.close();
    }

    @Test
    void changedMaterialsAreReadWithTheirTaxCodeInKeysetPages() {
        MockEndpoint select = push.keysetSelect("from materials m");
        pages(routes, select, List.of(rows(1, 2), rows()));

        push.push("push-items");

        assertThat(sql(select)).startsWith("select m.*, t.code as tax_code, t.rate as tax_rate from materials m left join tax_codes t")
                .contains("where " + afterCursor("m.")).endsWith(pageOrder("m."));
        assertThat(select.getReceivedExchanges()).extracting(e -> e.getProperty("cursor", PushPosition.class).afterId()).containsExactly(0L, 2L);
        assertThat(selectList(push.revisitSelect("from materials m"))).isEqualTo(selectList(select));
    }

    @Test
    void materialsArePreparedAsItemsThenGoToXeroItems() {
        pages(routes, push.keysetSelect("from materials m"), List.of(rows(1)));

        push.push("push-items");

        assertThat(routes.journal()).containsSubsequence("pushedEntities.documents item [1]",
                "pushPlanner.screen item run 7 [1]", "pushMapping.toXero item.to-xero [1]",
                "pushPlanner.plan Items [1]", "to direct:deliver-to-xero", "recordOutcomes.save item [item-1] [OK]");
        assertThat(push.delivered().getProperty("xeroMethod")).isEqualTo("POST");
    }
}
