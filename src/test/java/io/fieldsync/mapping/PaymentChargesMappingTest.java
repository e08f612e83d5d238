package io.fieldsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** mappings/payment-fee.to-xero.jsonata and payment-surcharge.to-xero.jsonata: a card payment's fee and surcharge. */
class PaymentChargesMappingTest {

    private final ObjectMapper json = new ObjectMapper();
    private final MappingTemplates templates = new MappingTemplates("file:mappings", json);

    @Test
    void feeIsSpentFromTheCardAccountToTheFeeAccount() throws Exception {
        Object fee = templates.apply("payment-fee.to-xero", charge(null), settings());

        MappedJson.assertMapsTo(json, fee, """
                {
                  "Type": "SPEND",
                  "Contact": {"Name": "Stripe"},
                  "BankAccount": {"Code": "091"},
                  "Date": "2026-10-03",
                  "Reference": "FS-P77 fee",
                  "LineAmountTypes": "NoTax",
                  "LineItems": [{
                    "Description": "Card-processor fee on payment FS-P77 (Visa 4242) of invoice INV0012",
                    "Quantity": 1,
                    "UnitAmount": 6.19,
                    "AccountCode": "404"
                  }]
                }""");
    }

    @Test
    void surchargeIsReceivedFromTheCustomerIntoTheCardAccount() throws Exception {
        Object surcharge = templates.apply("payment-surcharge.to-xero", charge(null), settings());

        MappedJson.assertMapsTo(json, surcharge, """
                {
                  "Type": "RECEIVE",
                  "Contact": {"ContactID": "0b1e5a1c-3d7f-4c55-8a0e-2f6d9b4c1a77"},
                  "BankAccount": {"Code": "091"},
                  "Date": "2026-10-03",
                  "Reference": "FS-P77 surcharge",
                  "LineAmountTypes": "NoTax",
                  "LineItems": [{
                    "Description": "Card surcharge paid with payment FS-P77 (Visa 4242) of invoice INV0012",
                    "Quantity": 1,
                    "UnitAmount": 2.25,
                    "AccountCode": "260"
                  }]
                }""");
    }

    @Test
    void aFeeAlreadyInXeroIsSentAsAnUpdateOfItsTransaction() throws Exception {
        Object fee = templates.apply("payment-fee.to-xero", charge("9d6f2c1e-5b4a-4e3d-8c2b-1a0f9e8d7c6b"), settings());

        assertThat(json.valueToTree(fee).path("BankTransactionID").asText()).isEqualTo("9d6f2c1e-5b4a-4e3d-8c2b-1a0f9e8d7c6b");
    }

    private static Map<String, Object> charge(String xeroId) {
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("id", 77);
        payment.put("invoice_id", 12);
        payment.put("invoice_number", "INV0012");
        payment.put("amount", new BigDecimal("150.00"));
        payment.put("paid_on", "2026-10-03");
        payment.put("method", "card");
        payment.put("reference", "Visa 4242");
        payment.put("fee_amount", new BigDecimal("6.19"));
        payment.put("surcharge_amount", new BigDecimal("2.25"));
        payment.put("source", "fsm");
        payment.put("xero_id", xeroId);
        payment.put("payment", Map.of("xero_id", "5c1d7d3e-0f4b-4a8e-9d2c-6b3a1f0e9d88"));
        payment.put("customer", Map.of("xero_id", "0b1e5a1c-3d7f-4c55-8a0e-2f6d9b4c1a77"));
        return payment;
    }

    private static Map<String, Object> settings() {
        return Map.of("settings", Map.of("paymentAccount", "090", "paymentAccounts", Map.of("card", "091"),
                "referencePrefix", "FS-", "feeAccount", "404", "feeContact", "Stripe", "surchargeAccount", "260"));
    }
}
