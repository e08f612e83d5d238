package io.fieldsync.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.fieldsync.testing.RouteHarness;
import io.fieldsync.testing.RunStandIns;
import io.fieldsync.xero.DailyLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * routes/sync-run.camel.yaml: the steps (the other route files' direct endpoints) are mocks
 * (AdviceWith), the beans that decide which steps run are stand-ins. Steps run in the order
 * documents depend on each other, only those the run was started for, and the run's end is
 * recorded however it ended.
 */
class SyncRunRouteTest {

    private static final List<String> EVERY_ENTITY = List.of("contact", "vendor", "item", "invoice", "payment", "payment-fee",
            "payment-surcharge", "purchase-order", "bill", "attachment");

    private String feeAccount = "6100";
    private String surchargeAccount = "4200";
    private boolean removesUnmatchedItems;
    private RouteHarness routes;

    @BeforeEach
    void start() throws Exception {
        routes = RouteHarness.routes("sync-run")
                .bean("taxTypes", new Object() {
                    public void refresh() {
                        routes.note("taxTypes.refresh");
                    }
                })
                .bean("xeroSettingsCheck", new Object() {
                    public void check(long runId) {
                        routes.note("xeroSettingsCheck.check " + runId);
                    }
                })
                .bean("syncSteps", new Object() {
                    public boolean pulls(String entity, String entities) {
                        return List.of(entities.split(",")).contains("pull:" + entity);
                    }

                    public boolean pushes(String entity, String entities) {
                        return List.of(entities.split(",")).contains(entity);
                    }
                })
                .bean("xeroPull", new Object() {
                    public boolean removesUnmatchedItems() {
                        return removesUnmatchedItems;
                    }
                })
                .bean("syncRules", new Object() {
                    public String feeAccount() {
                        return feeAccount;
                    }

                    public String surchargeAccount() {
                        return surchargeAccount;
                    }
                })
                .bean("syncRuns", RunStandIns.syncRuns(step -> routes.note(step)))
                .bean("stepWaits", RunStandIns.stepWaits())
                .mockAndSkip("direct:pull-*", "direct:push-*", "direct:remove-unmatched-items", "direct:export-attachments",
                        "direct:import-payments")
                .start();
    }

    @AfterEach
    void stop() {
        routes.close();
    }

    @Test
    void everyStepRunsInTheOrderTheDocumentsDependOnEachOther() {
        removesUnmatchedItems = true;

        run(7, String.join(",", EVERY_ENTITY) + ",pull:contact,pull:item,pull:payment");

        assertThat(routes.journal()).containsExactly("taxTypes.refresh", "xeroSettingsCheck.check 7",
                "to direct:pull-contacts", "to direct:pull-items", "to direct:remove-unmatched-items",
                "to direct:push-contacts", "to direct:push-suppliers", "to direct:push-items", "to direct:push-invoices",
                "to direct:push-payments", "to direct:push-payment-fees", "to direct:push-payment-surcharges",
                "to direct:push-purchase-orders", "to direct:push-bills", "to direct:export-attachments", "to direct:import-payments",
                "syncRuns.finish 7");
    }

    @Test
    void onlyTheStepsTheRunWasStartedForRunAndChargesOnlyWithTheirAccount() {
        feeAccount = "";

        run(8, "contact,payment-fee,payment-surcharge,pull:item");

        assertThat(routes.journal()).containsExactly("taxTypes.refresh", "xeroSettingsCheck.check 8", "to direct:pull-items",
                "to direct:push-contacts", "to direct:push-payment-surcharges", "syncRuns.finish 8");
    }

    @Test
    void theStepsSeeNoneOfTheHeadersTheRunWasStartedWith() {
        run(9, "contact");

        var step = routes.mock("direct:push-contacts").getReceivedExchanges().get(0);
        assertThat(step.getMessage().getHeaders()).doesNotContainKeys("syncRunId", "syncEntities");
        assertThat(step.getProperty("syncRunId")).isEqualTo(9L);
    }

    @Test
    void aFailedStepEndsTheRunFailedNamingTheStepAndLaterStepsDoNotRun() {
        routes.answer(routes.mock("direct:push-invoices"), exchange -> {
            exchange.setProperty("syncStep", "push-invoices");
            throw new IllegalStateException("lock wait timeout");
        });

        run(10, "contact,invoice,payment");

        assertThat(routes.journal()).endsWith("to direct:push-contacts", "to direct:push-invoices",
                "syncRuns.fail 10 push-invoices: lock wait timeout");
    }

    @Test
    void theDailyLimitStopsTheRunAsSuch() {
        routes.answer(routes.mock("direct:push-contacts"), exchange -> {
            throw DailyLimits.reached();
        });

        run(11, "contact,invoice");

        assertThat(routes.journal()).endsWith("to direct:push-contacts", "syncRuns.stopForDailyLimit 11");
    }

    private void run(long runId, String entities) {
        routes.send("direct:sync-run", exchange -> {
            exchange.getMessage().setHeader("syncRunId", runId);
            exchange.getMessage().setHeader("syncEntities", entities);
        });
    }
}
