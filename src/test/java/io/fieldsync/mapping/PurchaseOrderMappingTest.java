package io.fieldsync.mapping;

import static io.fieldsync.mapping.MappedJson.assertMapsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** mappings/purchase-order.to-xero.jsonata: what an engineer who edits it sees change. */
class PurchaseOrderMappingTest {

    /** The document the route assembles: purchase order row, vendor and lines. */
    private static final String PIPE_ORDER = """
            {"id": 7, "po_number": "PO0007", "vendor_id": 2, "job_id": 31, "status": "ordered",
             "issue_date": "2026-10-02", "delivery_date": "2026-10-09", "currency": "AUD",
             "amounts_include_tax": false, "delivery_address": "12 Wharf Rd, Balmain NSW 2041",
             "notes": "Deliver to the rear loading dock.", "subtotal": 262.00, "tax_total": 26.20,
             "total": 288.20, "finished_at": null, "vendor_name": "Reece Plumbing", "xero_id": null,
             "vendor": {"id": 2, "name": "Reece Plumbing", "xero_id": "0b7e5c1a-3f2d-4e6b-8a90-5566778899aa"},
             "lines": [
               {"id": 20, "purchase_order_id": 7, "line_no": 1, "material_id": 14,
                "description": "Copper pipe 15 mm x 6 m", "quantity": 4.0, "unit_cost": 48.4975,
                "line_total": 194.00, "tax_code": "GST", "tax_rate": 10.0,
                "item_code": "CU-15-6", "account_code": "310", "tax_type": "INPUT"},
               {"id": 21, "purchase_order_id": 7, "line_no": 2, "material_id": null,
                "description": "Freight", "quantity": 1.0, "unit_cost": 68.0,
                "line_total": 68.00, "tax_code": "GST", "tax_rate": 10.0,
                "item_code": null, "account_code": "310", "tax_type": "INPUT"}
             ]}""";

    private final ObjectMapper json = new ObjectMapper();
    private final MappingTemplates templates = new MappingTemplates("file:mappings", json);

    @Test
    void orderedPurchaseOrderIsAuthorisedForTheSupplierWithDeliveryAndLines() throws Exception {
        Object order = map(PIPE_ORDER);

        assertMapsTo(json, order, """
                {
                  "PurchaseOrderNumber": "PO0007",
                  "Contact": {"ContactID": "0b7e5c1a-3f2d-4e6b-8a90-5566778899aa"},
                  "Date": "2026-10-02",
                  "DeliveryDate": "2026-10-09",
                  "DeliveryAddress": "12 Wharf Rd, Balmain NSW 2041",
                  "DeliveryInstructions": "Deliver to the rear loading dock.",
                  "Status": "AUTHORISED",
                  "LineAmountTypes": "Exclusive",
                  "CurrencyCode": "AUD",
                  "LineItems": [
                    {"Description": "Copper pipe 15 mm x 6 m", "Quantity": 4, "LineAmount": 194.0,
                     "ItemCode": "CU-15-6", "AccountCode": "310", "TaxType": "INPUT"},
                    {"Description": "Freight", "Quantity": 1, "UnitAmount": 68,
                     "AccountCode": "310", "TaxType": "INPUT"}
                  ]
                }""");
    }

    @Test
    void cancelledLinkedOrderIsDeletedAndFinishedOneBilled() throws Exception {
        Map<String, Object> cancelled = json.readValue(PIPE_ORDER, Map.class);
        cancelled.put("status", "cancelled");
        cancelled.put("xero_id", "9f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b");
        Map<String, Object> finished = json.readValue(PIPE_ORDER, Map.class);
        finished.put("status", "finished");

        var deleted = json.valueToTree(templates.apply("purchase-order.to-xero", cancelled, settings(true)));
        var billed = json.valueToTree(templates.apply("purchase-order.to-xero", finished, settings(true)));

        assertThat(deleted.path("PurchaseOrderID").asText()).isEqualTo("9f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b");
        assertThat(deleted.path("Status").asText()).isEqualTo("DELETED");
        assertThat(billed.path("Status").asText()).isEqualTo("BILLED");
    }

    @Test
    void inclusiveOrderWithoutDeliveryDetailsOrTaxLeavesThemOut() throws Exception {
        Map<String, Object> order = json.readValue(PIPE_ORDER, Map.class);
        order.put("amounts_include_tax", 1);
        order.put("delivery_date", null);
        order.put("delivery_address", null);
        order.put("notes", "");

        var mapped = json.valueToTree(templates.apply("purchase-order.to-xero", order, settings(false)));

        assertThat(mapped.path("LineAmountTypes").asText()).isEqualTo("Inclusive");
        assertThat(mapped.has("DeliveryDate")).isFalse();
        assertThat(mapped.has("DeliveryAddress")).isFalse();
        assertThat(mapped.has("DeliveryInstructions")).isFalse();
        assertThat(mapped.path("LineItems").get(0).has("TaxType")).isFalse();
    }

    @Test
    void deliveryDateThatIsNotAnIsoDateFailsTheMapping() throws Exception {
        Map<String, Object> order = json.readValue(PIPE_ORDER, Map.class);
        order.put("delivery_date", "09/10/2026");

        assertThatThrownBy(() -> templates.apply("purchase-order.to-xero", order, settings(true)))
                .isInstanceOf(MappingException.class).hasMessageContaining("delivery_date must be an ISO date");
    }

    private Object map(String document) throws Exception {
        return templates.apply("purchase-order.to-xero", json.readValue(document, Map.class), settings(true));
    }

    private static Map<String, Object> settings(boolean sendTax) {
        return Map.of("settings", Map.of("sendTax", sendTax, "status", "AUTHORISED", "purchaseAccount", "310"));
    }
}
