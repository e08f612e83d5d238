package io.fieldsync.push;

import static io.fieldsync.push.PushStandIns.pages;
import static io.fieldsync.push.PushStandIns.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.fieldsync.testing.RouteHarness;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The push-to-xero template (routes/push-to-xero.camel.yaml) with an entity of the test's own
 * ("thing"), its SQL answered by mock endpoints and its beans stand-ins: the records looked at
 * again go first, then the changed rows page by page until a page is short, each page prepared,
 * planned, delivered in batches and recorded before the watermark may move.
 */
class PushToXeroRouteTest {

    private final PushStandIns push = new PushStandIns();
    private RouteHarness routes;

    @BeforeEach
    void start() throws Exception {
        routes = push.started(PushStandIns.routes(push).with(PushStandIns::pushThings));
    }

    @AfterEach
    void stop() {
        push.close();
    }

    @Test
    void revisitsGoFirstThenChangedRowsPageByPageUntilAShortPage() {
        push.revisits(1L, 2L).revisits(3L);
        pages(routes, "sql:select things by id", List.of(rows(1, 2), rows(3)));
        pages(routes, "sql:select page of things", List.of(rows(4, 5), rows(6)));

        push.push("push-things");

        assertThat(routes.journal().stream().filter(step -> step.startsWith("pushCursor") || step.startsWith("runSteps")
                || step.startsWith("revisitRetirement") || step.startsWith("to sql")).toList()).containsExactly(
                "runSteps.begin push-things thing",
                "pushCursor.start thing",
                "pushCursor.nextRevisits [1, 2]",
                "to sql:select things by id",
                "revisitRetirement.retireAbsent [1, 2]",
                "pushCursor.nextRevisits [3]",
                "to sql:select things by id",
                "revisitRetirement.retireAbsent [3]",
                "to sql:select page of things",
                "pushCursor.advance [4, 5]",
                "pushCursor.commit thing",
                "to sql:select page of things",
                "pushCursor.advance [6]",
                "pushCursor.commit thing");
    }

    @Test
    void aPageIsPlannedDeliveredAndRecordedBeforeTheWatermarkMoves() {
        push.renamesAfterBatch("thing-4 (renamed)");
        pages(routes, "sql:select page of things", List.of(rows(4)));

        Exchange pushed = push.push("push-things");

        assertThat(pushed.getException()).isNull();
        List<String> steps = routes.journal();
        assertThat(steps.subList(steps.indexOf("pushCursor.advance [4]"), steps.size())).containsExactly(
                "pushCursor.advance [4]",
                "pushedEntities.documents thing [4]",
                "pushPlanner.screen thing run 7 [4]", "pushMapping.toXero thing.to-xero [4]",
                "pushPlanner.plan Things [4]",
                "recordOutcomes.attempting thing [thing-4]",
                "xeroPayloads.batch Things [thing-4]",
                "to direct:deliver-to-xero",
                "xeroAnswers.elements Things 200 1",
                "contactNames.settle thing [thing-4] renamed [thing-4 (renamed)]",
                "recordOutcomes.save thing [thing-4] [OK]",
                // renamed for a name another contact has: sent again at once and recorded
                "recordOutcomes.attempting thing [thing-4 (renamed)]",
                "xeroPayloads.batch Things [thing-4 (renamed)]",
                "to direct:deliver-to-xero",
                "xeroAnswers.elements Things 200 1",
                "recordOutcomes.save thing [thing-4 (renamed)] [OK]",
                "pushCursor.commit thing");
    }

    @Test
    void theBatchGoesToXeroWithTheTemplatesDefaultsAndTheEntitysCollection() throws Exception {
        pages(routes, "sql:select page of things", List.of(rows(4)));
        MockEndpoint xero = routes.mock("direct:deliver-to-xero");
        xero.expectedMessageCount(1);
        xero.expectedBodiesReceived("{\"Things\":1}");
        xero.expectedPropertyReceived("xeroCollection", "Things");
        xero.expectedPropertyReceived("xeroMethod", "POST");
        xero.expectedPropertyReceived("xeroQuery", "summarizeErrors=false");
        xero.expectedPropertyReceived("syncStep", "push-things");

        push.push("push-things");

        xero.assertIsSatisfied();
    }

    @Test
    void aFailedDeliveryStopsThePushBeforeTheWatermarkMoves() {
        pages(routes, "sql:select page of things", List.of(rows(4, 5), rows(6)));
        routes.answer("direct:deliver-to-xero", e -> {
            throw new IllegalStateException("Xero out of reach");
        });

        Exchange pushed = push.push("push-things");

        assertThat(pushed.getException()).hasRootCauseMessage("Xero out of reach");
        assertThat(routes.journal()).doesNotContain("recordOutcomes.save thing [thing-4, thing-5] [OK]", "pushCursor.commit thing")
                .contains("pushCursor.advance [4, 5]").doesNotContain("pushCursor.advance [6]");
    }
}
