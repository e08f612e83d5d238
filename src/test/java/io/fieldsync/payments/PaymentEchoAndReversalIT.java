package io.fieldsync.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldsync.testing.MariaDbIntegrationTest;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Money is never counted twice: a payment FieldSync sent is FieldSync's from the moment its
 * attempt is recorded, whatever became of Xero's answer; two imports at once apply a Xero payment
 * once; a payment deleted in Xero after it was imported is taken back out of the field-service
 * books once.
 */
class PaymentEchoAndReversalIT extends MariaDbIntegrationTest {

    private final ObjectMapper json = new ObjectMapper();
    private JdbcTemplate source;

    @Autowired
    private ProducerTemplate camel;

    @Autowired
    private PaymentImportRuns importRuns;

    @BeforeEach
    void exportedFirst() {
        source = new JdbcTemplate(sourceDataSource);
        startFresh();
        syncToEnd();
    }

    @Test
    void paymentWhoseAnswerWasLostIsNotImportedBackByTheTimerImport() {
        LostPayment lost = paymentSentButAnswerLost();

        assertThat(timerImport()).containsEntry("status", "SUCCEEDED");

        assertOneCopyEverywhere(lost);
        assertThat(state.queryForMap("select status, content_hash from record_status where entity = 'payment' and local_id = ?",
                lost.localId())).containsEntry("status", "SYNCED").containsEntry("content_hash", lost.attemptedHash());
        long putsBefore = sandbox.apiCalls("PUT", "Payments");
        long readsBefore = sandbox.apiCalls("GET", "Payments");
        syncToEnd();
        assertThat(sandbox.apiCalls("PUT", "Payments")).as("the next sync sends no payment").isEqualTo(putsBefore);
        assertThat(sandbox.apiCalls("GET", "Payments")).as("nor looks it up: one read, the next sync's import")
                .isEqualTo(readsBefore + 1);
        assertOneCopyEverywhere(lost);
    }

    @Test
    void paymentWhoseAnswerWasLostIsNotImportedBackByTheNextSyncNorTheTimerAfterIt() {
        LostPayment lost = paymentSentButAnswerLost();

        syncToEnd(); // its push finds the payment in Xero, its own import comes after
        assertThat(timerImport()).containsEntry("status", "SUCCEEDED");

        assertOneCopyEverywhere(lost);
        long putsBefore = sandbox.apiCalls("PUT", "Payments");
        syncToEnd();
        assertThat(sandbox.apiCalls("PUT", "Payments")).as("a following sync sends no payment").isEqualTo(putsBefore);
        assertOneCopyEverywhere(lost);
    }

    @Test
    void twoImportsAtOnceApplyAXeroPaymentOnce() throws Exception {
        Map<String, Object> open = openExportedInvoice();
        BigDecimal paidBefore = (BigDecimal) open.get("amount_paid");
        List<String> paid = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            paid.add(payInXero((String) open.get("xero_id"), new BigDecimal(i + ".00"), "cheque " + i));
        }

        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> imports = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                imports.add(two.submit((Callable<Object>) () -> camel.requestBody("direct:import-payments", (Object) null)));
            }
            for (Future<Object> done : imports) {
                done.get(); // neither import fails
            }
        } finally {
            two.shutdownNow();
        }

        for (String paymentId : paid) {
            assertThat(source.queryForObject("select count(*) from payments where external_ref = ?", Integer.class, paymentId))
                    .as("FSM rows of Xero payment %s", paymentId).isEqualTo(1);
        }
        assertThat(source.queryForObject("select amount_paid from invoices where id = ?", BigDecimal.class, open.get("id")))
                .isEqualByComparingTo(paidBefore.add(new BigDecimal("15.00")));
        assertThat(state.queryForList("select outcome from xero_payment where payment_id in ('" + String.join("','", paid) + "')",
                String.class)).hasSize(5).containsOnly("IMPORTED");
    }

    @Test
    void paymentDeletedInXeroAfterImportIsReversedOnceAndReported() throws Exception {
        Map<String, Object> open = openExportedInvoice();
        BigDecimal due = ((BigDecimal) open.get("total")).subtract((BigDecimal) open.get("amount_paid"));
        String paymentId = payInXero((String) open.get("xero_id"), due, "cheque 501");
        syncToEnd();
        assertThat(source.queryForObject("select status from invoices where id = ?", String.class, open.get("id"))).isEqualTo("paid");

        deleteInXero(paymentId); // the cheque bounced

        syncToEnd();
        Map<String, Object> afterReversal = source.queryForMap("select status, amount_paid from invoices where id = ?", open.get("id"));
        assertThat(afterReversal).containsEntry("status", "issued");
        assertThat((BigDecimal) afterReversal.get("amount_paid")).isEqualByComparingTo((BigDecimal) open.get("amount_paid"));
        assertThat(source.queryForObject("select count(*) from payments where external_ref = ? and deleted_at is not null",
                Integer.class, paymentId)).isEqualTo(1);
        assertThat(state.queryForObject("select outcome from xero_payment where payment_id = ?", String.class, paymentId))
                .isEqualTo("REVERSED");
        Object updatedAt = source.queryForObject("select updated_at from payments where external_ref = ?", Object.class, paymentId);

        syncToEnd(); // the import reads the deleted payment again (look-back): nothing changes
        assertThat(timerImport()).containsEntry("status", "SUCCEEDED");

        assertThat(source.queryForObject("select updated_at from payments where external_ref = ?", Object.class, paymentId))
                .isEqualTo(updatedAt);
        assertThat(source.queryForMap("select status, amount_paid from invoices where id = ?", open.get("id"))).isEqualTo(afterReversal);
        @SuppressWarnings("unchecked")
        Map<String, Object> activity = asViewer().getForObject("/api/reports/activity", Map.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> payments = (List<Map<String, Object>>) activity.get("payments");
        assertThat(payments).filteredOn(p -> paymentId.equals(p.get("paymentId"))).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("outcome", "REVERSED").containsEntry("localInvoiceId", ((Number) open.get("id")).intValue());
            assertThat((String) p.get("reason")).contains("deleted in Xero");
        });
    }

    private record LostPayment(long localId, long invoiceId, BigDecimal amountPaid, String xeroId, String attemptedHash) {
    }

    /**
     * A new FSM payment of 5.00 that Xero stores while every answer to it is lost: the run ends
     * FAILED with the payment's attempt recorded, and Xero holds it.
     */
    private LostPayment paymentSentButAnswerLost() {
        Map<String, Object> open = openExportedInvoice();
        source.update("insert into payments (invoice_id, amount, paid_on, method, source) values (?, 5.00, current_date, 'cash', 'fsm')",
                open.get("id"));
        long localId = source.queryForObject("select max(id) from payments", Long.class);
        sandbox.faults().on("PUT", "/Payments").dropResponseAfterCommit();
        assertThat(syncToEnd()).containsEntry("status", "FAILED");
        sandbox.faults().clear();
        List<ObjectNode> inXero = sandbox.documents("Payments").stream()
                .filter(p -> p.path("Reference").asText().equals("FS-P" + localId)).toList();
        assertThat(inXero).as("Xero stored the payment").hasSize(1);
        Map<String, Object> status = state.queryForMap("select attempted_at, content_hash from record_status where entity = 'payment'"
                + " and local_id = ?", localId);
        assertThat(status.get("attempted_at")).as("its attempt is recorded").isNotNull();
        assertThat(state.queryForObject("select count(*) from record_link where entity = 'payment' and local_id = ?", Integer.class,
                localId)).isZero();
        return new LostPayment(localId, ((Number) open.get("id")).longValue(),
                source.queryForObject("select amount_paid from invoices where id = ?", BigDecimal.class, open.get("id")),
                inXero.get(0).path("PaymentID").asText(), (String) status.get("content_hash"));
    }

    private void assertOneCopyEverywhere(LostPayment lost) {
        assertThat(source.queryForList("select source, amount from payments where invoice_id = ? and amount = 5.00 and deleted_at is null",
                lost.invoiceId())).as("FSM payments of 5.00 on the invoice").singleElement()
                .satisfies(row -> assertThat(row).containsEntry("source", "fsm"));
        assertThat(source.queryForObject("select count(*) from payments where external_ref = ?", Integer.class, lost.xeroId())).isZero();
        assertThat(source.queryForObject("select amount_paid from invoices where id = ?", BigDecimal.class, lost.invoiceId()))
                .as("amount_paid not doubled").isEqualByComparingTo(lost.amountPaid());
        assertThat(sandbox.documents("Payments")).filteredOn(p -> p.path("Reference").asText().startsWith("FS-P" + lost.localId()))
                .hasSize(1);
        assertThat(state.queryForObject("select xero_id from record_link where entity = 'payment' and local_id = ?", String.class,
                lost.localId())).isEqualTo(lost.xeroId());
        assertThat(state.queryForObject("select outcome from xero_payment where payment_id = ?", String.class, lost.xeroId()))
                .isEqualTo("OURS");
        assertThat(state.queryForMap("select status, message from record_status where entity = 'payment' and local_id = ?",
                lost.localId())).containsEntry("status", "SYNCED");
    }

    /** What the import timer does between syncs. */
    private Map<String, Object> timerImport() {
        long runId = importRuns.startOnTimer().orElseThrow().getId();
        return awaitEnd(runId);
    }

    /** An issued FSM invoice in Xero with more than $20 due, and a due amount no other open invoice of its customer has. */
    private Map<String, Object> openExportedInvoice() {
        List<Long> exported = state.queryForList("select local_id from record_status where entity = 'invoice' and status = 'SYNCED'", Long.class);
        Map<String, Object> invoice = source.queryForList("""
                select i.id, i.customer_id, i.total, i.amount_paid from invoices i
                 where i.status = 'issued' and i.total - i.amount_paid > 20
                   and not exists (select 1 from invoices o where o.customer_id = i.customer_id and o.id <> i.id
                                   and o.status = 'issued' and o.total - o.amount_paid = i.total - i.amount_paid)
                 order by i.id""").stream().filter(i -> exported.contains(((Number) i.get("id")).longValue()))
                .findFirst().orElseThrow();
        invoice.put("xero_id", state.queryForObject("select xero_id from record_link where entity = 'invoice' and local_id = ?",
                String.class, invoice.get("id")));
        return invoice;
    }

    private String payInXero(String invoiceId, BigDecimal amount, String reference) throws Exception {
        JsonNode answer = xero("PUT", "Payments", """
                {"Payments":[{"Invoice":{"InvoiceID":"%s"},"Account":{"Code":"090"},"Date":"2026-11-03","Amount":%s,"Reference":"%s"}]}"""
                .formatted(invoiceId, amount.toPlainString(), reference));
        JsonNode payment = answer.path("Payments").get(0);
        assertThat(payment.path("StatusAttributeString").asText("OK")).as(answer.toString()).isNotEqualTo("ERROR");
        return payment.path("PaymentID").asText();
    }

    /** As an accountant deletes a payment in Xero: POST /Payments/{id} with Status DELETED. */
    private void deleteInXero(String paymentId) throws Exception {
        JsonNode answer = xero("POST", "Payments/" + paymentId, "{\"Status\":\"DELETED\"}");
        assertThat(answer.path("Payments").get(0).path("Status").asText()).as(answer.toString()).isEqualTo("DELETED");
    }

    private JsonNode xero(String method, String path, String body) throws Exception {
        // summarizeErrors is a parameter of the collection's PUT only: Xero's contract has none on POST /Payments/{id}
        String query = path.contains("/") ? "" : "?summarizeErrors=false";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.apiUrl() + "/" + path + query))
                .header("Authorization", "Bearer " + sandbox.issueAccessToken())
                .header("xero-tenant-id", sandbox.tenantId())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
