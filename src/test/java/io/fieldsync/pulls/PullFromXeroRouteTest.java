package io.fieldsync.pulls;

import static io.fieldsync.pulls.PullStandIns.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsync.testing.RouteHarness;
import org.apache.camel.Exchange;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pull-from-xero template (routes/pull-from-xero.camel.yaml) with an entity of the test's own
 * ("thing"): Xero's changed records page by page, the rows they need selected, a decision per
 * record written with the entity's insert or update and read back, the watermark moved once at
 * the end. A row the database refuses fails alone.
 */
class PullFromXeroRouteTest {

    private final PullStandIns pull = new PullStandIns();
    private RouteHarness routes;

    @BeforeEach
    void start() throws Exception {
        routes = pull.started(pull.routes().with(camel -> TemplatedRouteBuilder.builder(camel, "pull-from-xero")
                .routeId("pull-things")
                .parameter("name", "pull-things")
                .parameter("entity", "thing")
                .parameter("select", "select things linked or numbered")
                .parameter("insert", "insert a thing")
                .parameter("update", "update a thing")
                .parameter("selectById", "select the written thing")
                .add()));
        pull.insertsReturnKeys("insert a thing");
    }

    @AfterEach
    void stop() {
        routes.close();
    }

    @Test
    void eachPageIsDecidedAndWrittenThenTheWatermarkMovesOnce() {
        pull.page(record(1, "create", null), record(2, "update", 12L)).page(record(3, "none", 13L));

        Exchange pulled = pull.pull("pull-things");

        assertThat(pulled.getException()).isNull();
        assertThat(routes.journal()).containsExactly(
                "runSteps.begin pull-things thing",
                "xeroPull.start thing",
                "xeroPull.nextPage thing [1, 2]",
                "pullDecisions.lookFor thing [1, 2]",
                "to sql:select things linked or numbered",
                "pullDecisions.decide thing run 7 [1, 2] since 2026-12-01T00:00:00Z",
                "to sql:insert a thing",
                "pullDecisions.created 101",
                "to sql:select the written thing",
                "pullDecisions.written create 101",
                "to sql:update a thing",
                "to sql:select the written thing",
                "pullDecisions.written update 12",
                "xeroPull.nextPage thing [3]",
                "pullDecisions.lookFor thing [3]",
                "to sql:select things linked or numbered",
                "pullDecisions.decide thing run 7 [3] since 2026-12-01T00:00:00Z",
                "xeroPull.commit thing");
        assertThat(routes.mock("sql:insert a thing").getReceivedExchanges().get(0).getMessage().getHeader("CamelSqlRetrieveGeneratedKeys", Boolean.class))
                .isTrue();
        assertThat(routes.mock("sql:select the written thing").getReceivedExchanges().get(0).getMessage().getHeaders())
                .as("camel-sql's headers of the insert are not carried to the next query").doesNotContainKey("CamelSqlGeneratedKeyRows");
    }

    @Test
    void aRowTheDatabaseRefusesFailsAloneAndThePullGoesOn() {
        pull.updatesFailFor("update a thing", 12L);
        pull.page(record(1, "update", 12L), record(2, "update", 14L));

        Exchange pulled = pull.pull("pull-things");

        assertThat(pulled.getException()).isNull();
        assertThat(routes.journal()).containsSubsequence("to sql:update a thing", "pullDecisions.failed 12 DataIntegrityViolationException",
                "to sql:update a thing", "to sql:select the written thing", "pullDecisions.written update 14", "xeroPull.commit thing");
        assertThat(routes.journal()).doesNotContain("pullDecisions.written update 12");
    }

    @Test
    void theStepIsNamedForTheRunsHistory() {
        pull.page(record(1, "none", null));

        Exchange pulled = pull.pull("pull-things");

        assertThat(pulled.getProperty("syncStep")).isEqualTo("pull-things");
    }
}
