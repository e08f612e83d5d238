package io.fieldsync.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fieldsync.testing.RouteHarness;
import io.fieldsync.testing.RunStandIns;
import io.fieldsync.xero.DailyLimits;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * routes/import-payments.camel.yaml: Xero payments, page by page, each decided by paymentImport
 * (a stand-in that hands back the decision scripted in the payment) and written with the route's
 * SQL (mocks): a match looks for the one open invoice, an apply inserts the payment and sets the
 * invoice's amount paid, a reverse takes it out again. Also the run of its own and its timer.
 */
class ImportPaymentsRouteTest {

    private final Deque<List<Map<String, Object>>> pages = new ArrayDeque<>();
    private final Deque<RuntimeException> importFailures = new ArrayDeque<>();
    private RouteHarness routes;

    @BeforeEach
    void start() throws Exception {
        routes = RouteHarness.routes("import-payments")
                .property("fieldsync.payments.import-on-timer", true)
                .property("fieldsync.payments.import-interval-ms", 60000)
                .bean("paymentImport", new PaymentImport())
                .bean("knownPayments", new KnownPayments())
                .bean("paymentImportRuns", new Object() {
                    public void startOnTimer() {
                        routes.note("paymentImportRuns.startOnTimer");
                    }
                })
                .bean("syncRuns", RunStandIns.syncRuns(step -> routes.note(step)))
                .bean("stepWaits", RunStandIns.stepWaits())
                .bean("runSteps", RunStandIns.runSteps(step -> routes.note(step)))
                .mockAndSkip("sql:*")
                .advise("import-payments-on-timer", a -> a.replaceFromWith("direct:payment-import-timer"))
                .start();
        routes.answer(routes.mockContaining("sql:select id from invoices"), exchange -> {
            Map<?, ?> decision = exchange.getMessage().getBody(Map.class);
            exchange.getMessage().setBody("C1".equals(decision.get("customerId")) ? List.of(Map.of("id", 41L)) : List.of());
        });
    }

    @AfterEach
    void stop() {
        routes.close();
    }

    @Test
    void aPaymentOfALinkedInvoiceIsInsertedOnceAndTheInvoicesAmountPaidFollows() {
        pages.add(List.of(payment("P1", "apply", Map.of("invoiceId", 40L, "amount", 100))));

        importPayments();

        assertThat(routes.journal()).containsExactly("runSteps.begin import-payments payment", "paymentImport.start", "paymentImport.nextPage 1", "knownPayments.stillToDecide 1", "paymentImport.decide P1",
                "to " + sql("insert into payments"), "to " + sql("update invoices", "then 'paid'"), "paymentImport.applied P1 invoice 40",
                "paymentImport.commit");
        MockEndpoint insert = routes.mockContaining("sql:insert into payments");
        assertThat(insert.getReceivedExchanges().get(0).getMessage().getBody(Map.class))
                .containsEntry("paymentId", "P1").containsEntry("invoiceId", 40L);
        assertThat(RouteHarness.mocked(insert)).contains("where not exists (select 1 from payments where source = 'xero' "
                + "and external_ref = :#${body[paymentId]})");
        assertThat(routes.mockContaining("sql:update invoices", "then 'paid'").getReceivedExchanges().get(0)
                .getProperty("decision", Map.class)).containsEntry("invoiceId", 40L);
    }

    @Test
    void aPaymentOfAnInvoiceTypedIntoXeroGoesToTheOneOpenInvoiceWithItsAmountDueOrWaits() {
        pages.add(List.of(payment("P2", "match", Map.of("customerId", "C1", "amount", 80)),
                payment("P3", "match", Map.of("customerId", "C2", "amount", 80))));

        importPayments();

        assertThat(RouteHarness.mocked(routes.mockContaining("sql:select id from invoices"))).isEqualTo("sql:select id from invoices "
                + "where customer_id = :#${body[customerId]} and status = 'issued' and total - amount_paid = :#${body[amount]}");
        assertThat(routes.journal()).containsExactly("runSteps.begin import-payments payment", "paymentImport.start", "paymentImport.nextPage 2", "knownPayments.stillToDecide 2",
                "paymentImport.decide P2", "to " + sql("sql:select id from invoices"),
                "paymentImport.matched P2 [41]", "to " + sql("insert into payments"), "to " + sql("update invoices", "then 'paid'"),
                "paymentImport.applied P2 invoice 41",
                "paymentImport.decide P3", "to " + sql("sql:select id from invoices"), "paymentImport.matched P3 []",
                "paymentImport.commit");
    }

    @Test
    void aPaymentDeletedInXeroAfterItWasAppliedIsTakenOutOfTheBooks() {
        pages.add(List.of(payment("P4", "reverse", Map.of("invoiceId", 40L))));

        importPayments();

        assertThat(routes.journal()).containsExactly("runSteps.begin import-payments payment", "paymentImport.start", "paymentImport.nextPage 1", "knownPayments.stillToDecide 1", "paymentImport.decide P4",
                "to " + sql("update payments set deleted_at"), "to " + sql("update invoices", "then 'issued'"),
                "paymentImport.reversed P4", "paymentImport.commit");
        assertThat(sql("update payments set deleted_at")).contains("where source = 'xero' and external_ref = :#${body[paymentId]} "
                + "and deleted_at is null");
    }

    @Test
    void pagesAreReadUntilNoMoreFollowThenTheImportCommitsOnce() {
        pages.add(List.of(payment("P5", "none", Map.of())));
        pages.add(List.of(payment("P6", "none", Map.of())));

        importPayments();

        assertThat(routes.journal()).containsExactly("runSteps.begin import-payments payment", "paymentImport.start", "paymentImport.nextPage 1", "knownPayments.stillToDecide 1", "paymentImport.decide P5",
                "paymentImport.nextPage 1", "knownPayments.stillToDecide 1", "paymentImport.decide P6", "paymentImport.commit");
    }

    @Test
    void paymentsKnownAlreadyAreSettledForThePageAndNotDecidedOneByOne() {
        pages.add(List.of(payment("P7", "known", Map.of()), payment("P8", "none", Map.of())));

        importPayments();

        assertThat(routes.journal()).containsExactly("runSteps.begin import-payments payment", "paymentImport.start", "paymentImport.nextPage 2",
                "knownPayments.stillToDecide 2", "paymentImport.decide P8", "paymentImport.commit");
    }

    @Test
    void anImportRunRecordsHowItEnded() {
        routes.send("direct:payment-import-run", exchange -> exchange.getMessage().setHeader("syncRunId", 9L));
        importFailures.add(DailyLimits.reached());
        routes.send("direct:payment-import-run", exchange -> exchange.getMessage().setHeader("syncRunId", 10L));
        importFailures.add(new IllegalStateException("lock wait timeout"));
        routes.send("direct:payment-import-run", exchange -> exchange.getMessage().setHeader("syncRunId", 11L));

        assertThat(routes.journal().stream().filter(step -> step.startsWith("syncRuns")).toList()).containsExactly(
                "syncRuns.finish 9", "syncRuns.stopForDailyLimit 10", "syncRuns.fail 11 import-payments: lock wait timeout");
    }

    @Test
    void theTimerAsksForAnImportRun() {
        routes.send("direct:payment-import-timer", exchange -> { });

        assertThat(routes.journal()).containsExactly("paymentImportRuns.startOnTimer");
    }

    private void importPayments() {
        Exchange imported = routes.send("direct:import-payments", exchange -> exchange.setProperty("syncRunId", 7L));
        assertThat(imported.getException()).isNull();
    }

    private String sql(String... fragments) {
        return RouteHarness.mocked(routes.mockContaining(fragments));
    }

    private static Map<String, Object> payment(String paymentId, String action, Map<String, Object> decision) {
        Map<String, Object> payment = new HashMap<>(decision);
        payment.put("paymentId", paymentId);
        payment.put("action", action);
        return payment;
    }

    /** The stand-in for KnownPayments: takes out the payments scripted as "known". */
    public class KnownPayments {
        public List<Map<String, Object>> stillToDecide(List<Map<String, Object>> page) {
            routes.note("knownPayments.stillToDecide " + page.size());
            return page.stream().filter(payment -> !"known".equals(payment.get("action"))).toList();
        }
    }

    /** The stand-in for PaymentImport: pages as scripted, each payment's decision written in it. */
    public class PaymentImport {
        public void start(Exchange exchange) {
            routes.note("paymentImport.start");
            if (!importFailures.isEmpty()) {
                throw importFailures.poll();
            }
            exchange.setProperty("morePages", true);
            exchange.setProperty("paymentsHeldBack", List.of());
        }

        public List<Map<String, Object>> nextPage(Exchange exchange) {
            List<Map<String, Object>> page = pages.isEmpty() ? List.of() : pages.poll();
            routes.note("paymentImport.nextPage " + page.size());
            exchange.setProperty("morePages", !pages.isEmpty());
            return page;
        }

        public Map<String, Object> decide(Map<String, Object> payment, long runId, List<?> heldBack) {
            routes.note("paymentImport.decide " + payment.get("paymentId"));
            return payment;
        }

        public Map<String, Object> matched(Map<String, Object> decision, List<Map<String, Object>> invoices) {
            routes.note("paymentImport.matched " + decision.get("paymentId") + " " + invoices.stream().map(row -> row.get("id")).toList());
            Map<String, Object> next = new HashMap<>(decision);
            next.put("action", invoices.size() == 1 ? "apply" : "wait");
            if (invoices.size() == 1) {
                next.put("invoiceId", invoices.get(0).get("id"));
            }
            return next;
        }

        public void applied(Map<String, Object> decision) {
            routes.note("paymentImport.applied " + decision.get("paymentId") + " invoice " + decision.get("invoiceId"));
        }

        public void reversed(Map<String, Object> decision) {
            routes.note("paymentImport.reversed " + decision.get("paymentId"));
        }

        public void commit(Exchange exchange) {
            routes.note("paymentImport.commit");
        }
    }
}
