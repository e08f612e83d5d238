package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentsTest extends SandboxTestSupport {

    private String invoice(String status) {
        String contact = client.createContact("Ridgeway Plumbing").path("ContactID").asText();
        return client.createInvoice(contact, null, status).path("InvoiceID").asText(); // 110.00 due
    }

    private static String payment(String invoiceId, String amount) {
        return "{\"Invoice\":{\"InvoiceID\":\"" + invoiceId + "\"},\"Account\":{\"Code\":\"090\"},\"Date\":\"2026-03-10\",\"Amount\":" + amount + "}";
    }

    @Test
    void partPaymentReducesAmountDueAndTheRestMarksTheInvoicePaid() {
        String id = invoice("AUTHORISED");
        HttpResponse<String> first = client.post("/Payments", payment(id, "40.00"));
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode stored = SandboxClient.json(first).path("Payments").path(0);
        assertThat(stored.path("PaymentID").asText()).isNotBlank();
        assertThat(stored.path("PaymentType").asText()).isEqualTo("ACCRECPAYMENT");
        JsonNode partly = sandbox.document("Invoices", id).orElseThrow();
        assertThat(partly.path("AmountPaid").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(partly.path("AmountDue").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(partly.path("Status").asText()).isEqualTo("AUTHORISED");

        client.put("/Payments?summarizeErrors=false", "{\"Payments\":[" + payment(id, "70.00") + "]}");
        JsonNode paid = sandbox.document("Invoices", id).orElseThrow();
        assertThat(paid.path("Status").asText()).isEqualTo("PAID");
        assertThat(paid.path("AmountDue").decimalValue()).isEqualByComparingTo("0");
        assertThat(paid.path("Payments")).hasSize(2);
    }

    @Test
    void paymentAboveTheAmountDueFailsWithXerosMessage() {
        String id = invoice("AUTHORISED");
        HttpResponse<String> response = client.put("/Payments?summarizeErrors=false", "{\"Payments\":[" + payment(id, "110.01") + "]}");
        JsonNode element = SandboxClient.json(response).path("Payments").path(0);
        assertThat(element.path("StatusAttributeString").asText()).isEqualTo("ERROR");
        assertThat(element.path("ValidationErrors").path(0).path("Message").asText())
                .isEqualTo("Payment amount exceeds the amount outstanding on this document");
        assertThat(sandbox.document("Invoices", id).orElseThrow().path("AmountPaid").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void paymentOnAPaidOrDraftInvoiceFails() {
        String id = invoice("AUTHORISED");
        client.post("/Payments", payment(id, "110.00"));
        HttpResponse<String> again = client.put("/Payments?summarizeErrors=false", "{\"Payments\":[" + payment(id, "1.00") + "]}");
        assertThat(SandboxClient.json(again).path("Payments").path(0).path("ValidationErrors").path(0).path("Message").asText())
                .isEqualTo("Payments can only be made against Authorised documents.");
        String draft = client.createInvoice(sandbox.documents("Contacts").get(0).path("ContactID").asText(), null, "DRAFT").path("InvoiceID").asText();
        HttpResponse<String> onDraft = client.post("/Payments", payment(draft, "1.00"));
        assertThat(onDraft.statusCode()).isEqualTo(400);
    }

    @Test
    void paidInvoiceCannotBeModified() {
        String id = invoice("AUTHORISED");
        client.post("/Payments", payment(id, "110.00"));
        HttpResponse<String> response = client.post("/Invoices/" + id + "?summarizeErrors=false", "{\"Invoices\":[{\"Reference\":\"late edit\"}]}");
        assertThat(SandboxClient.json(response).path("Invoices").path(0).path("ValidationErrors").path(0).path("Message").asText())
                .isEqualTo("Invoice not of valid status for modification");
    }

    @Test
    void partlyPaidInvoiceCannotBeVoided() {
        String id = invoice("AUTHORISED");
        client.post("/Payments", payment(id, "10.00"));
        HttpResponse<String> response = client.post("/Invoices/" + id + "?summarizeErrors=false", "{\"Invoices\":[{\"Status\":\"VOIDED\"}]}");
        assertThat(SandboxClient.json(response).path("Invoices").path(0).path("StatusAttributeString").asText()).isEqualTo("ERROR");
        assertThat(sandbox.document("Invoices", id).orElseThrow().path("Status").asText()).isEqualTo("AUTHORISED");
    }

    @Test
    void deletingAPaymentMakesTheInvoiceOwedAgain() {
        String id = invoice("AUTHORISED");
        String paymentId = SandboxClient.json(client.post("/Payments", payment(id, "110.00"))).path("Payments").path(0).path("PaymentID").asText();
        HttpResponse<String> response = client.post("/Payments/" + paymentId, "{\"Status\":\"DELETED\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode invoice = sandbox.document("Invoices", id).orElseThrow();
        assertThat(invoice.path("Status").asText()).isEqualTo("AUTHORISED");
        assertThat(invoice.path("AmountDue").decimalValue()).isEqualByComparingTo("110.00");
    }

    @Test
    void deletedPaymentIsStillListedWithItsStatusAsXeroListsIt() {
        String id = invoice("AUTHORISED");
        String paymentId = SandboxClient.json(client.post("/Payments", payment(id, "110.00"))).path("Payments").path(0).path("PaymentID").asText();
        client.post("/Payments/" + paymentId, "{\"Status\":\"DELETED\"}");

        JsonNode listed = SandboxClient.json(client.get("/Payments"));

        assertThat(listed.path("Payments")).anySatisfy(payment -> {
            assertThat(payment.path("PaymentID").asText()).isEqualTo(paymentId);
            assertThat(payment.path("Status").asText()).isEqualTo("DELETED");
        });
    }
}
