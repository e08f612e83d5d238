package io.fieldsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** mappings/vendor.to-xero.jsonata: what an engineer who edits it sees change. */
class VendorMappingTest {

    private final ObjectMapper json = new ObjectMapper();
    private final MappingTemplates templates = new MappingTemplates("file:mappings", json);

    @Test
    void linkedVendorBecomesSupplierContactWithPostalAddressAndPhone() throws Exception {
        Map<String, Object> vendor = new LinkedHashMap<>();
        vendor.put("id", 3);
        vendor.put("name", "Reece Plumbing Supplies");
        vendor.put("email", "accounts@reece.example.com.au");
        vendor.put("phone", "02 9555 0100");
        vendor.put("tax_number", "49 004 313 133");
        vendor.put("street", "118 Burwood Hwy");
        vendor.put("city", "Burwood");
        vendor.put("region", "VIC");
        vendor.put("postcode", "3125");
        vendor.put("country", "AU");
        vendor.put("created_at", "2026-01-12T09:30:00");
        vendor.put("updated_at", "2026-09-30T16:02:11");
        vendor.put("deleted_at", null);
        vendor.put("xero_id", "9b2f0c4e-1d5a-4e7b-8c3d-2a6f1e0b7c55");

        Object contact = templates.apply("vendor.to-xero", vendor);

        assertThat((Object) json.valueToTree(contact)).isEqualTo(json.readTree("""
                {
                  "ContactID": "9b2f0c4e-1d5a-4e7b-8c3d-2a6f1e0b7c55",
                  "Name": "Reece Plumbing Supplies",
                  "EmailAddress": "accounts@reece.example.com.au",
                  "TaxNumber": "49 004 313 133",
                  "Addresses": [{"AddressType": "POBOX", "AddressLine1": "118 Burwood Hwy", "City": "Burwood",
                                 "Region": "VIC", "PostalCode": "3125", "Country": "AU"}],
                  "Phones": [{"PhoneType": "DEFAULT", "PhoneNumber": "02 9555 0100"}]
                }"""));
    }

    @Test
    void newVendorWithOnlyANameSendsOnlyTheName() throws Exception {
        Map<String, Object> vendor = new LinkedHashMap<>();
        vendor.put("id", 4);
        vendor.put("name", "Bob's Skip Bins");
        vendor.put("email", null);
        vendor.put("phone", null);
        vendor.put("tax_number", null);
        vendor.put("street", null);
        vendor.put("city", "Penrith");
        vendor.put("region", null);
        vendor.put("postcode", null);
        vendor.put("country", null);
        vendor.put("xero_id", null);

        Object contact = templates.apply("vendor.to-xero", vendor);

        assertThat((Object) json.valueToTree(contact)).isEqualTo(json.readTree("""
                {"Name": "Bob's Skip Bins"}"""));
    }

    @Test
    void addressLeavesOutThePartsTheVendorHasNot() throws Exception {
        Map<String, Object> vendor = new LinkedHashMap<>();
        vendor.put("id", 5);
        vendor.put("name", "Tradelink Newcastle");
        vendor.put("street", "PO Box 77");
        vendor.put("city", "Newcastle");
        vendor.put("region", null);
        vendor.put("postcode", "2300");
        vendor.put("country", null);
        vendor.put("phone", "02 4929 0000");
        vendor.put("xero_id", null);

        Object contact = templates.apply("vendor.to-xero", vendor);

        assertThat((Object) json.valueToTree(contact)).isEqualTo(json.readTree("""
                {
                  "Name": "Tradelink Newcastle",
                  "Addresses": [{"AddressType": "POBOX", "AddressLine1": "PO Box 77", "City": "Newcastle",
                                 "PostalCode": "2300"}],
                  "Phones": [{"PhoneType": "DEFAULT", "PhoneNumber": "02 4929 0000"}]
                }"""));
    }
}
