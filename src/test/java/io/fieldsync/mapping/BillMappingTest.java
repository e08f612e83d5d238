package io.fieldsync.mapping;

import static io.fieldsync.mapping.MappedJson.assertMapsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** mappings/bill.to-xero.jsonata: what an engineer who edits it sees change. */
class BillMappingTest {

    /** The document the route assembles for the bill of a finished purchase order. */
    private static final String FINISHED_ORDER = """
            {"id": 9, "po_number": "PO0009", "vendor_id": 3, "job_id": null, "status": "finished",
             "issue_date": "2026-10-01", "delivery_date": "2026-10-06", "currency": "AUD",
             "amounts_include_tax": false, "delivery_address": "Unit 4, 18 Euston Rd, Alexandria NSW 2015",
             "notes": null, "subtotal": 1100.00, "tax_total": 110.00, "total": 1210.00,
             "finished_at": "2026-10-07T09:12:00", "bill_date": "2026-10-07",
             "vendor_name": "Tradelink", "xero_id": null,
             "vendor": {"id": 3, "name": "Tradelink", "xero_id": "1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5"},
             "lines": [
               {"id": 30, "purchase_order_id": 9, "line_no": 1, "material_id": 22,
                "description": "Rheem 315 L electric hot water unit", "quantity": 1.0, "unit_cost": 1050.0,
                "line_total": 1050.00, "tax_code": "GST", "tax_rate": 10.0,
                "item_code": "RHEEM-315", "account_code": "310", "tax_type": "INPUT"},
               {"id": 31, "purchase_order_id": 9, "line_no": 2, "material_id": null,
                "description": "Tempering valve", "quantity": 2.0, "unit_cost": 25.0,
                "line_total": 50.00, "tax_code": "FRE", "tax_rate": 0.0,
                "item_code": null, "account_code": "310", "tax_type": "EXEMPTEXPENSES"}
             ]}""";

    private final ObjectMapper json = new ObjectMapper();
    private final MappingTemplates templates = new MappingTemplates("file:mappings", json);

    @Test
    void finishedOrderBecomesAnAuthorisedBillReferencingThePoNumber() throws Exception {
        Object bill = templates.apply("bill.to-xero", json.readValue(FINISHED_ORDER, Map.class), settings("AUTHORISED", true));

        assertMapsTo(json, bill, """
                {
                  "Type": "ACCPAY",
                  "Contact": {"ContactID": "1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5"},
                  "Reference": "PO0009",
                  "Date": "2026-10-07",
                  "DueDate": "2026-10-07",
                  "Status": "AUTHORISED",
                  "LineAmountTypes": "Exclusive",
                  "CurrencyCode": "AUD",
                  "LineItems": [
                    {"Description": "Rheem 315 L electric hot water unit", "Quantity": 1, "UnitAmount": 1050,
                     "ItemCode": "RHEEM-315", "AccountCode": "310", "TaxType": "INPUT"},
                    {"Description": "Tempering valve", "Quantity": 2, "UnitAmount": 25,
                     "AccountCode": "310", "TaxType": "EXEMPTEXPENSES"}
                  ]
                }""");
    }

    @Test
    void draftBillWithoutTaxKeepsTheAccount() throws Exception {
        var bill = json.valueToTree(templates.apply("bill.to-xero", json.readValue(FINISHED_ORDER, Map.class),
                settings("DRAFT", false)));

        assertThat(bill.path("Status").asText()).isEqualTo("DRAFT");
        assertThat(bill.path("LineItems").get(1).has("TaxType")).isFalse();
        assertThat(bill.path("LineItems").get(1).path("AccountCode").asText()).isEqualTo("310");
    }

    @Test
    void billDateThatIsNotAnIsoDateFailsTheMapping() throws Exception {
        Map<String, Object> order = json.readValue(FINISHED_ORDER, Map.class);
        order.put("bill_date", null);

        assertThatThrownBy(() -> templates.apply("bill.to-xero", order, settings("AUTHORISED", true)))
                .isInstanceOf(MappingException.class).hasMessageContaining("bill_date must be an ISO date");
    }

    private static Map<String, Object> settings(String status, boolean sendTax) {
        return Map.of("settings", Map.of("status", status, "sendTax", sendTax, "purchaseAccount", "310"));
    }
}
