package io.fieldsync.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Payments entered in Xero reach the field-service database: once, on the right invoice, and
 * only when it is certain which invoice that is. Xero here is the sandbox, written to the way
 * an accountant's Xero would be: through its API.
 */
class PaymentImportIT extends MariaDbIntegrationTest {

    private final ObjectMapper json = new ObjectMapper();
    private JdbcTemplate source;

    @BeforeEach
    void exportedFirst() {
        source = new JdbcTemplate(sourceDataSource);
        startFresh();
        syncToEnd();
    }

    @AfterEach
    void settingsBack() {
        putSettings(Map.of("entities", Map.of("payment", Map.of("direction", "both"))));
    }

    @Test
    void paymentEnteredInXeroReachesItsInvoiceOnceAndOursAreNotImportedBack() throws Exception {
        Map<String, Object> open = openExportedInvoice();
        BigDecimal paidBefore = (BigDecimal) open.get("amount_paid");
        String paymentId = payInXero((String) open.get("xero_id"), new BigDecimal("10.00"), "bank transfer 88");

        syncToEnd();
        syncToEnd(); // the import reads the same payment again: nothing changes

        assertThat(source.queryForList("select invoice_id, amount, method, reference from payments where source = 'xero'"))
                .as("only the payment entered in Xero comes back; those FieldSync pushed do not")
                .singleElement().satisfies(payment -> {
                    assertThat(((Number) payment.get("invoice_id")).longValue()).isEqualTo(((Number) open.get("id")).longValue());
                    assertThat((BigDecimal) payment.get("amount")).isEqualByComparingTo("10.00");
                    assertThat(payment.get("reference")).isEqualTo("bank transfer 88");
                });
        assertThat(source.queryForObject("select external_ref from payments where source = 'xero'", String.class)).isEqualTo(paymentId);
        assertThat(source.queryForObject("select amount_paid from invoices where id = ?", BigDecimal.class, open.get("id")))
                .isEqualByComparingTo(paidBefore.add(new BigDecimal("10.00")));
        assertThat(state.queryForObject("select outcome from xero_payment where payment_id = ?", String.class, paymentId))
                .isEqualTo("IMPORTED");
        assertThat(state.queryForObject("select count(*) from xero_payment where outcome = 'OURS'", Integer.class))
                .as("FieldSync's own payments, recognised").isEqualTo(
                        state.queryForObject("select count(*) from record_status where entity = 'payment' and status = 'SYNCED'", Integer.class));
    }

    @Test
    void paymentOfAnInvoiceTypedIntoXeroGoesToTheCustomersOpenInvoiceOnlyForExactlyItsAmountDue() throws Exception {
        Map<String, Object> open = openExportedInvoice();
        BigDecimal due = ((BigDecimal) open.get("total")).subtract((BigDecimal) open.get("amount_paid"));
        String contactId = state.queryForObject("select xero_id from record_link where entity = 'contact' and local_id = ?",
                String.class, open.get("customer_id"));
        String exact = payInXero(invoiceInXero(contactId, due), due, null);
        String other = payInXero(invoiceInXero(contactId, due.add(BigDecimal.ONE)), due.add(BigDecimal.ONE), null);

        syncToEnd();

        assertThat(((Number) source.queryForObject("select invoice_id from payments where external_ref = ?", Long.class, exact)).longValue())
                .isEqualTo(((Number) open.get("id")).longValue());
        assertThat(source.queryForObject("select status from invoices where id = ?", String.class, open.get("id"))).isEqualTo("paid");
        assertThat(source.queryForObject("select count(*) from payments where external_ref = ?", Integer.class, other)).isZero();
        List<Map<String, Object>> unmatched = asViewer().exchange("/api/payments/unmatched", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(unmatched).singleElement().satisfies(payment -> {
            assertThat(payment).containsEntry("paymentId", other);
            assertThat((String) payment.get("reason")).isEqualTo("no open invoice of the customer with exactly "
                    + due.add(BigDecimal.ONE).setScale(2) + " due");
        });
    }

    @Test
    void paymentSavedJustBeforeTheWatermarkIsStillImported() throws Exception {
        Map<String, Object> open = openExportedInvoice();
        String paymentId = payInXero((String) open.get("xero_id"), new BigDecimal("7.00"), null);
        // As if the watermark had been rounded up past it, or the payment became visible late.
        assertThat(state.update("update watermark set last_updated_at = timestampadd(SECOND, 60, last_updated_at)"
                + " where entity = 'payment' and direction = 'pull'")).isEqualTo(1);

        syncToEnd();

        assertThat(source.queryForObject("select count(*) from payments where external_ref = ?", Integer.class, paymentId))
                .isEqualTo(1);
    }

    @Test
    void noImportWhilePaymentsArePushOnly() throws Exception {
        putSettings(Map.of("entities", Map.of("payment", Map.of("direction", "push"))));
        Map<String, Object> open = openExportedInvoice();
        payInXero((String) open.get("xero_id"), new BigDecimal("5.00"), null);

        syncToEnd();

        assertThat(source.queryForObject("select count(*) from payments where source = 'xero'", Integer.class)).isZero();
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

    private String invoiceInXero(String contactId, BigDecimal total) throws Exception {
        JsonNode answer = xero("Invoices", """
                {"Invoices":[{"Type":"ACCREC","Contact":{"ContactID":"%s"},"Date":"2026-11-02","DueDate":"2026-11-30",
                  "Status":"AUTHORISED","LineAmountTypes":"NoTax",
                  "LineItems":[{"Description":"Typed into Xero","Quantity":1,"UnitAmount":%s,"AccountCode":"200"}]}]}"""
                .formatted(contactId, total.toPlainString()));
        return answer.path("Invoices").get(0).path("InvoiceID").asText();
    }

    private String payInXero(String invoiceId, BigDecimal amount, String reference) throws Exception {
        JsonNode answer = xero("Payments", """
                {"Payments":[{"Invoice":{"InvoiceID":"%s"},"Account":{"Code":"090"},"Date":"2026-11-03","Amount":%s%s}]}"""
                .formatted(invoiceId, amount.toPlainString(), reference == null ? "" : ",\"Reference\":\"" + reference + "\""));
        JsonNode payment = answer.path("Payments").get(0);
        assertThat(payment.path("StatusAttributeString").asText("OK")).as(answer.toString()).isNotEqualTo("ERROR");
        return payment.path("PaymentID").asText();
    }

    private JsonNode xero(String collection, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.apiUrl() + "/" + collection + "?summarizeErrors=false"))
                .header("Authorization", "Bearer " + sandbox.issueAccessToken())
                .header("xero-tenant-id", sandbox.tenantId())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
