package io.fieldsync.pulls;

import static io.fieldsync.pulls.PullStandIns.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.fieldsync.testing.RouteHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** routes/pull-contacts.camel.yaml through the pull-from-xero template: Xero contacts to customers. */
class PullContactsRouteTest {

    private final PullStandIns pull = new PullStandIns();
    private RouteHarness routes;

    @BeforeEach
    void start() throws Exception {
        routes = pull.started(pull.routes("pull-contacts"));
        pull.insertsReturnKeys("insert into customers");
    }

    @AfterEach
    void stop() {
        routes.close();
    }

    @Test
    void theCustomersANewContactNeedsAreThoseLinkedToItOrSharingItsNumber() {
        pull.page(record(1, "none", null));

        pull.pull("pull-contacts");

        var select = routes.mockContaining("sql:select * from customers", "linkedIds");
        assertThat(RouteHarness.mocked(select)).isEqualTo("sql:select * from customers "
                + "where id in (:#in:${exchangeProperty.linkedIds}) or customer_number in (:#in:${exchangeProperty.numbers})");
        assertThat(select.getReceivedExchanges().get(0).getProperty("numbers")).isEqualTo(List.of("1"));
    }

    @Test
    void aNewContactIsInsertedAsACustomerAndReadBackByItsNewId() {
        pull.page(record(1, "create", null));

        pull.pull("pull-contacts");

        String insert = RouteHarness.mocked(routes.mockContaining("sql:insert into customers"));
        assertThat(routes.journal()).containsSubsequence("to " + insert, "pullDecisions.created 101", "to sql:select * from customers where id = :#${exchangeProperty.decision[localId]}",
                "pullDecisions.written create 101");
        assertThat(insert).contains("values (:#customer_number, :#company_name, :#first_name, :#last_name, :#email,");
    }

    @Test
    void aLinkedContactUpdatesItsCustomerByTheDecisionsLocalId() {
        pull.page(record(1, "update", 12L));

        pull.pull("pull-contacts");

        var update = routes.mockContaining("sql:update customers");
        assertThat(RouteHarness.mocked(update)).startsWith("sql:update customers set customer_number = :#customer_number,")
                .endsWith("where id = :#${exchangeProperty.decision[localId]}");
        assertThat(routes.journal()).containsSubsequence("to " + RouteHarness.mocked(update), "pullDecisions.written update 12");
        assertThat(routes.journal()).noneMatch(step -> step.startsWith("to sql:insert"));
    }
}
