package io.fieldsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** mappings/payment.to-xero.jsonata: what an engineer who edits it sees change. */
class PaymentMappingTest {

    private final ObjectMapper json = new ObjectMapper();
    private final MappingTemplates templates = new MappingTemplates("file:mappings", json);

    @Test
    void cardPaymentGoesToTheCardAccountAgainstTheLinkedInvoice() throws Exception {
        Object payment = templates.apply("payment.to-xero", payment("card", "Visa 4242"), settings(Map.of("card", "091")));

        MappedJson.assertMapsTo(json, payment, """
                {
                  "Invoice": {"InvoiceID": "5c1d7d3e-0f4b-4a8e-9d2c-6b3a1f0e9d88"},
                  "Account": {"Code": "091"},
                  "Date": "2026-10-03",
                  "Amount": 412.50,
                  "Reference": "FS-P77 Visa 4242"
                }""");
    }

    @Test
    void methodWithoutAnAccountOfItsOwnUsesThePaymentAccount() throws Exception {
        Object payment = templates.apply("payment.to-xero", payment("cash", null), settings(Map.of("card", "091")));

        assertThat(json.valueToTree(payment).path("Account").path("Code").asText()).isEqualTo("090");
        assertThat(json.valueToTree(payment).path("Reference").asText()).isEqualTo("FS-P77");
    }

    @Test
    void paymentDateThatIsNotAnIsoDateFailsTheMapping() {
        Map<String, Object> payment = payment("eft", null);
        payment.put("paid_on", "03/10/2026");

        assertThatThrownBy(() -> templates.apply("payment.to-xero", payment, settings(Map.of())))
                .isInstanceOf(MappingException.class).hasMessageContaining("paid_on must be an ISO date");
    }

    @Test
    void aPaymentWithoutADateSaysSoInsteadOfShowingNothing() {
        Map<String, Object> payment = payment("eft", null);
        payment.remove("paid_on"); // MySQL's zero date reads as NULL, and nulls are not in the record

        assertThatThrownBy(() -> templates.apply("payment.to-xero", payment, settings(Map.of())))
                .isInstanceOf(MappingException.class)
                .hasMessageEndingWith("paid_on must be an ISO date (YYYY-MM-DD), got none (NULL, or MySQL's zero date)")
                .extracting(e -> ((MappingException) e).problem()).asString()
                .startsWith("cannot map the record: ").doesNotContain(".jsonata");
    }

    private static Map<String, Object> payment(String method, String reference) {
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("id", 77);
        payment.put("invoice_id", 12);
        payment.put("amount", new BigDecimal("412.50"));
        payment.put("paid_on", "2026-10-03");
        payment.put("method", method);
        payment.put("reference", reference);
        payment.put("fee_amount", new BigDecimal("6.19"));
        payment.put("surcharge_amount", null);
        payment.put("source", "fsm");
        payment.put("invoice", Map.of("id", 12, "invoice_number", "INV0012", "status", "issued",
                "xero_id", "5c1d7d3e-0f4b-4a8e-9d2c-6b3a1f0e9d88"));
        return payment;
    }

    private static Map<String, Object> settings(Map<String, String> byMethod) {
        return Map.of("settings", Map.of("paymentAccount", "090", "paymentAccounts", byMethod, "referencePrefix", "FS-"));
    }
}
