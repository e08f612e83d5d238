package io.fieldsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** mappings/contact.to-xero.jsonata: what an engineer who edits it sees change. */
class ContactMappingTest {

    private final ObjectMapper json = new ObjectMapper();
    private final MappingTemplates templates = new MappingTemplates("file:mappings", json);

    @Test
    void companyCustomerBecomesContactWithAddressAndPhones() throws Exception {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", 42);
        customer.put("customer_number", "C00042");
        customer.put("company_name", "Harbour Pools Pty Ltd");
        customer.put("first_name", "Mia");
        customer.put("last_name", "Nguyen");
        customer.put("email", "accounts@harbourpools.com.au");
        customer.put("phone", "02 9555 0142");
        customer.put("mobile", null);
        customer.put("tax_number", "51 824 753 556");
        customer.put("billing_street", "12 Wharf Rd");
        customer.put("billing_city", "Balmain");
        customer.put("billing_region", "NSW");
        customer.put("billing_postcode", "2041");
        customer.put("billing_country", "AU");
        customer.put("xero_id", null);

        Object contact = templates.apply("contact.to-xero", customer);

        assertThat((Object) json.valueToTree(contact)).isEqualTo(json.readTree("""
                {
                  "ContactNumber": "C00042",
                  "Name": "Harbour Pools Pty Ltd",
                  "FirstName": "Mia",
                  "LastName": "Nguyen",
                  "EmailAddress": "accounts@harbourpools.com.au",
                  "TaxNumber": "51 824 753 556",
                  "Addresses": [{"AddressType": "POBOX", "AddressLine1": "12 Wharf Rd", "City": "Balmain",
                                 "Region": "NSW", "PostalCode": "2041", "Country": "AU"}],
                  "Phones": [{"PhoneType": "DEFAULT", "PhoneNumber": "02 9555 0142"}]
                }"""));
    }

    @Test
    void privateCustomerIsNamedByFirstAndLastNameAndLinkedOneCarriesItsContactId() throws Exception {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", 7);
        customer.put("customer_number", "C00007");
        customer.put("company_name", null);
        customer.put("first_name", "Jack");
        customer.put("last_name", "O'Brien");
        customer.put("email", null);
        customer.put("phone", null);
        customer.put("billing_street", null);
        customer.put("xero_id", "5a3c1f6e-5d0c-4a47-9b53-0d6c2d2a9b11");

        Object contact = templates.apply("contact.to-xero", customer);

        assertThat((Object) json.valueToTree(contact)).isEqualTo(json.readTree("""
                {
                  "ContactID": "5a3c1f6e-5d0c-4a47-9b53-0d6c2d2a9b11",
                  "ContactNumber": "C00007",
                  "Name": "Jack O'Brien",
                  "FirstName": "Jack",
                  "LastName": "O'Brien"
                }"""));
    }
}
