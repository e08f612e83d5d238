package io.fieldsync.push;

import static io.fieldsync.push.PushStandIns.pages;
import static io.fieldsync.push.PushStandIns.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.fieldsync.testing.RouteHarness;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * push-to-xero with pages overlapping (pageSends, fieldsync.sync.overlap-pages=true):
 * the next page is read, mapped and planned while the page before it is delivered; a page's
 * position is committed only after all its outcomes, in page order; a delivery that fails fails
 * the push and commits nothing of its page.
 */
class PageSendsRouteTest {

    private final PushStandIns push = new PushStandIns();
    private RouteHarness routes;

    @BeforeEach
    void start() throws Exception {
        routes = push.started(PushStandIns.routes(push)
                .bean("pageSends", new PageSends(() -> true))
                .with(PushStandIns::pushThings));
    }

    @AfterEach
    void stop() {
        push.close();
    }

    @Test
    void theNextPageIsPlannedWhileThePageBeforeIsDeliveredAndPositionsAreCommittedInOrderAfterTheirOutcomes() {
        pages(routes, "sql:select page of things", List.of(rows(4, 5), rows(6)));
        List<Boolean> secondPagePlannedDuringFirstDelivery = new ArrayList<>();
        routes.answer("direct:deliver-to-xero", exchange -> {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            if (secondPagePlannedDuringFirstDelivery.isEmpty()) {
                // the first page's delivery holds until the second page is planned: only overlapping pages get there
                secondPagePlannedDuringFirstDelivery.add(waitFor("pushPlanner.plan Things [6]"));
            }
        });

        Exchange pushed = push.push("push-things");

        assertThat(pushed.getException()).isNull();
        assertThat(secondPagePlannedDuringFirstDelivery).containsExactly(true);
        List<String> steps = List.copyOf(routes.journal());
        assertThat(steps.stream().filter(step -> step.startsWith("recordOutcomes.save") || step.startsWith("pushCursor.commit")
                || step.startsWith("pushPlanner.plan")).toList()).containsExactly(
                "pushPlanner.plan Things []", // the records to look at again: none
                "pushPlanner.plan Things [4, 5]",
                "pushPlanner.plan Things [6]",
                "recordOutcomes.save thing [thing-4, thing-5] [OK, OK]",
                "pushCursor.commit thing",
                "recordOutcomes.save thing [thing-6] [OK]",
                "pushCursor.commit thing");
    }

    @Test
    void aPageWhoseDeliveryFailsFailsThePushAndNothingOfItIsCommitted() {
        pages(routes, "sql:select page of things", List.of(rows(4, 5), rows(6)));
        routes.answer("direct:deliver-to-xero", exchange -> {
            throw new IllegalStateException("Xero out of reach");
        });

        Exchange pushed = push.push("push-things");

        assertThat(pushed.getException()).hasRootCauseMessage("Xero out of reach");
        assertThat(routes.journal()).doesNotContain("pushCursor.commit thing")
                .noneMatch(step -> step.startsWith("recordOutcomes.save"))
                .doesNotContain("recordOutcomes.attempting thing [thing-6]");
    }

    private boolean waitFor(String step) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (routes.journal().contains(step)) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }
}
