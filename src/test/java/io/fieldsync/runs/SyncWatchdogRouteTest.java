package io.fieldsync.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsync.testing.RouteHarness;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** routes/sync-watchdog.camel.yaml, its timer replaced by a direct endpoint (AdviceWith). */
class SyncWatchdogRouteTest {

    private boolean heartbeatFails;
    private RouteHarness routes;

    @BeforeEach
    void start() throws Exception {
        routes = RouteHarness.routes("sync-watchdog")
                .property("fieldsync.sync.heartbeat-interval-ms", 60000)
                .bean("syncRuns", new Object() {
                    public void recordUnrecordedEnds() {
                        routes.note("syncRuns.recordUnrecordedEnds");
                    }

                    public void heartbeat() {
                        routes.note("syncRuns.heartbeat");
                        if (heartbeatFails) {
                            throw new IllegalStateException("state store away");
                        }
                    }

                    public void interruptStale() {
                        routes.note("syncRuns.interruptStale");
                    }
                })
                .bean("organisationHolds", new Object() {
                    public void heartbeat() {
                        routes.note("organisationHolds.heartbeat");
                    }

                    public void endStale() {
                        routes.note("organisationHolds.endStale");
                    }
                })
                .bean("runtimeSettings", new Object() {
                    public void reloadIfChanged() {
                        routes.note("runtimeSettings.reloadIfChanged");
                    }
                })
                .advise("sync-watchdog", a -> a.replaceFromWith("direct:sync-watchdog-tick"))
                .start();
    }

    @AfterEach
    void stop() {
        routes.close();
    }

    @Test
    void everyTickRecordsMissedEndsBeforeHeartbeatingThenInterruptsStaleRunsAndHoldsAndReloadsSettings() {
        routes.send("direct:sync-watchdog-tick", exchange -> { });

        assertThat(routes.journal()).containsExactly("syncRuns.recordUnrecordedEnds", "syncRuns.heartbeat", "organisationHolds.heartbeat",
                "syncRuns.interruptStale", "organisationHolds.endStale", "runtimeSettings.reloadIfChanged");
    }

    @Test
    void aFailedHeartbeatEndsTheTickAndTheNextTickTriesAgain() {
        heartbeatFails = true;
        Exchange tick = routes.send("direct:sync-watchdog-tick", exchange -> { });
        heartbeatFails = false;
        routes.send("direct:sync-watchdog-tick", exchange -> { });

        assertThat(tick.getException()).hasMessage("state store away");
        assertThat(routes.journal()).containsExactly("syncRuns.recordUnrecordedEnds", "syncRuns.heartbeat",
                "syncRuns.recordUnrecordedEnds", "syncRuns.heartbeat", "organisationHolds.heartbeat", "syncRuns.interruptStale",
                "organisationHolds.endStale", "runtimeSettings.reloadIfChanged");
    }
}
