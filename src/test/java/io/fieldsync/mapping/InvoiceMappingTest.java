package io.fieldsync.mapping;

import static io.fieldsync.mapping.MappedJson.assertMapsTo;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** mappings/invoice.to-xero.jsonata: what an engineer who edits it sees change. */
class InvoiceMappingTest {

    private static final String CUSTOMER_CONTACT_ID = "5a3c1f6e-5d0c-4a47-9b53-0d6c2d2a9b11";

    /** The document the route assembles: invoice row, customer, site, job and lines. */
    private static final String HOT_WATER_INVOICE = """
            {"id": 12, "invoice_number": "INV0012", "status": "issued",
             "issue_date": "2026-10-03", "due_date": "2026-10-17", "service_date": "2026-10-01",
             "currency": "AUD", "amounts_include_tax": false, "notes": "Gate code 4411",
             "subtotal": 1288.90, "tax_total": 128.89, "total": 1417.79, "amount_paid": 0,
             "xero_id": null,
             "customer": {"id": 5, "customer_number": "C00005", "xero_id": "5a3c1f6e-5d0c-4a47-9b53-0d6c2d2a9b11"},
             "site": {"label": "Home", "street": "12 Wharf Rd", "city": "Balmain", "region": "NSW",
                      "postcode": "2041", "country": "AU"},
             "job": {"job_number": "J00031", "title": "Hot water service"},
             "lines": [
               {"id": 40, "line_no": 1, "description": "Labour - licensed plumber", "quantity": 2.0,
                "unit_price": 95.0, "discount_percent": null, "line_total": 190.00, "account_code": "200",
                "tax_type": "OUTPUT", "item_code": "LAB-PLUMB", "technician": {"name": "Sam Ortiz"}},
               {"id": 41, "line_no": 2, "description": "Rheem 315 L electric hot water unit", "quantity": 1.0,
                "unit_price": 1180.0, "discount_percent": 10.0, "line_total": 1062.00, "account_code": "200",
                "tax_type": "OUTPUT", "item_code": "RHEEM-315", "technician": null},
               {"id": 42, "line_no": 3, "description": "Tempering valve, brass fittings", "quantity": 3.0,
                "unit_price": 12.2967, "discount_percent": null, "line_total": 36.89, "account_code": "200",
                "tax_type": "OUTPUT", "item_code": null, "technician": null}
             ]}""";

    private final ObjectMapper json = new ObjectMapper();
    private final MappingTemplates templates = new MappingTemplates("file:mappings", json);

    @Test
    void fsmNumberedInvoiceIsAuthorisedWithServiceLineTechnicianDiscountAndTax() throws Exception {
        Object invoice = map(HOT_WATER_INVOICE, Map.of("numbering", "fsm", "referencePrefix", "FS-",
                "status", "AUTHORISED", "sendTax", true, "technicianOnLines", true));

        assertMapsTo(json, invoice, """
                {
                  "Type": "ACCREC",
                  "Contact": {"ContactID": "5a3c1f6e-5d0c-4a47-9b53-0d6c2d2a9b11"},
                  "InvoiceNumber": "INV0012",
                  "Reference": "J00031",
                  "Date": "2026-10-03",
                  "DueDate": "2026-10-17",
                  "Status": "AUTHORISED",
                  "LineAmountTypes": "Exclusive",
                  "CurrencyCode": "AUD",
                  "LineItems": [
                    {"Description": "Service address: 12 Wharf Rd, Balmain NSW 2041 · Date of service: 1 Oct 2026"},
                    {"Description": "Labour - licensed plumber — Technician: Sam Ortiz", "Quantity": 2,
                     "UnitAmount": 95, "ItemCode": "LAB-PLUMB", "AccountCode": "200", "TaxType": "OUTPUT"},
                    {"Description": "Rheem 315 L electric hot water unit", "Quantity": 1, "UnitAmount": 1180,
                     "DiscountRate": 10, "ItemCode": "RHEEM-315", "AccountCode": "200", "TaxType": "OUTPUT"},
                    {"Description": "Tempering valve, brass fittings", "Quantity": 3, "UnitAmount": 12.2967,
                     "AccountCode": "200", "TaxType": "OUTPUT"}
                  ]
                }""");
    }

    @Test
    void xeroNumberedDraftWithoutSiteJobOrServiceDateReferencesOurNumberAndIsDueOnIssue() throws Exception {
        String counterSale = """
                {"id": 13, "invoice_number": "INV0013", "status": "issued",
                 "issue_date": "2026-10-05", "due_date": null, "service_date": null,
                 "currency": "AUD", "amounts_include_tax": false, "notes": null,
                 "subtotal": 45.00, "tax_total": 4.50, "total": 49.50, "amount_paid": 0, "xero_id": null,
                 "customer": {"id": 8, "customer_number": "C00008", "xero_id": "7d2e4f60-1c3b-4e5a-9f80-112233445566"},
                 "site": null, "job": null,
                 "lines": [
                   {"id": 50, "line_no": 1, "description": "PVC elbow 90°", "quantity": 10.0, "unit_price": 4.5,
                    "discount_percent": null, "line_total": 45.00, "account_code": "200", "tax_type": "OUTPUT",
                    "item_code": "PVC-90-ELB", "technician": null}
                 ]}""";

        Object invoice = map(counterSale, Map.of("numbering", "xero", "referencePrefix", "FS-",
                "status", "DRAFT", "sendTax", true, "technicianOnLines", true));

        assertMapsTo(json, invoice, """
                {
                  "Type": "ACCREC",
                  "Contact": {"ContactID": "7d2e4f60-1c3b-4e5a-9f80-112233445566"},
                  "Reference": "FS-INV0013",
                  "Date": "2026-10-05",
                  "DueDate": "2026-10-05",
                  "Status": "DRAFT",
                  "LineAmountTypes": "Exclusive",
                  "CurrencyCode": "AUD",
                  "LineItems": [
                    {"Description": "PVC elbow 90°", "Quantity": 10, "UnitAmount": 4.5, "ItemCode": "PVC-90-ELB",
                     "AccountCode": "200", "TaxType": "OUTPUT"}
                  ]
                }""");
    }

    @Test
    void voidedLinkedInclusiveInvoiceWithoutTaxOrTechnicianKeepsXeroDefaults() throws Exception {
        Map<String, Object> voided = json.readValue(HOT_WATER_INVOICE, Map.class);
        voided.put("status", "void");
        voided.put("xero_id", "c0ffee00-1234-4abc-9def-00aabbccddee");
        voided.put("amounts_include_tax", true);
        voided.put("site", null);
        voided.put("lines", ((java.util.List<?>) voided.get("lines")).subList(0, 1));

        Object invoice = templates.apply("invoice.to-xero", voided, Map.of("settings", Map.of("numbering", "fsm",
                "referencePrefix", "FS-", "status", "AUTHORISED", "sendTax", false, "technicianOnLines", false)));

        assertMapsTo(json, invoice, """
                {
                  "InvoiceID": "c0ffee00-1234-4abc-9def-00aabbccddee",
                  "Type": "ACCREC",
                  "Contact": {"ContactID": "5a3c1f6e-5d0c-4a47-9b53-0d6c2d2a9b11"},
                  "InvoiceNumber": "INV0012",
                  "Reference": "J00031",
                  "Date": "2026-10-03",
                  "DueDate": "2026-10-17",
                  "Status": "VOIDED",
                  "LineAmountTypes": "Inclusive",
                  "CurrencyCode": "AUD",
                  "LineItems": [
                    {"Description": "Date of service: 1 Oct 2026"},
                    {"Description": "Labour - licensed plumber", "Quantity": 2, "UnitAmount": 95,
                     "ItemCode": "LAB-PLUMB", "AccountCode": "200"}
                  ]
                }""");
    }

    @Test
    void dateThatIsNotAnIsoStringFailsTheMappingInsteadOfSendingAShiftedDate() throws Exception {
        Map<String, Object> epochDated = json.readValue(HOT_WATER_INVOICE, Map.class);
        epochDated.put("issue_date", 1790949600000L);

        assertThatThrownBy(() -> templates.apply("invoice.to-xero", epochDated, Map.of("settings",
                Map.of("numbering", "fsm", "status", "AUTHORISED", "sendTax", true, "technicianOnLines", true))))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("issue_date must be an ISO date (YYYY-MM-DD), got 1790949600000");
    }

    private Object map(String document, Map<String, Object> settings) throws Exception {
        return templates.apply("invoice.to-xero", json.readValue(document, Map.class), Map.of("settings", settings));
    }
}
