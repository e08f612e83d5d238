package io.fieldsync.mapping;

import static io.fieldsync.mapping.MappedJson.assertMapsTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** mappings/contact.from-xero.jsonata and item.from-xero.jsonata: Xero's records as field-service rows. */
class FromXeroMappingTest {

    private final ObjectMapper json = new ObjectMapper();
    private final MappingTemplates templates = new MappingTemplates("file:mappings", json);

    @Test
    void companyContactAsXeroAnswersItBecomesACustomerRow() throws Exception {
        Object customer = templates.apply("contact.from-xero", json.readTree("""
                {"ContactID": "3f1c", "ContactNumber": "C00042", "ContactStatus": "ACTIVE", "Name": "Harbour Pools Pty Ltd",
                 "FirstName": "Mia", "LastName": "Nguyen", "EmailAddress": "accounts@harbourpools.com.au",
                 "TaxNumber": "51 824 753 556",
                 "Addresses": [{"AddressType": "STREET", "City": "", "Region": "", "PostalCode": "", "Country": ""},
                               {"AddressType": "POBOX", "AddressLine1": "12 Wharf Rd", "AddressLine2": "Level 2",
                                "City": "Balmain", "Region": "NSW", "PostalCode": "2041", "Country": "AU"}],
                 "Phones": [{"PhoneType": "DEFAULT", "PhoneNumber": "02 9555 0142", "PhoneAreaCode": "", "PhoneCountryCode": ""},
                            {"PhoneType": "DDI", "PhoneNumber": ""}, {"PhoneType": "FAX", "PhoneNumber": ""},
                            {"PhoneType": "MOBILE", "PhoneNumber": "0412 000 111", "PhoneAreaCode": ""}],
                 "UpdatedDateUTC": "/Date(1767225600000+0000)/", "IsSupplier": false, "IsCustomer": true}"""));

        assertMapsTo(json, customer, """
                {"customer_number": "C00042", "company_name": "Harbour Pools Pty Ltd", "first_name": "Mia",
                 "last_name": "Nguyen", "email": "accounts@harbourpools.com.au", "phone": "02 9555 0142",
                 "mobile": "0412 000 111", "tax_number": "51 824 753 556", "billing_street": "12 Wharf Rd\\nLevel 2",
                 "billing_city": "Balmain", "billing_region": "NSW", "billing_postcode": "2041", "billing_country": "AU"}""");
    }

    @Test
    void privateContactNamedByItsPersonHasNoCompanyAndArchivedStatusIsNotMapped() throws Exception {
        Object customer = templates.apply("contact.from-xero", json.readTree("""
                {"ContactID": "9a", "ContactStatus": "ARCHIVED", "Name": "Jack O'Brien", "FirstName": "Jack",
                 "LastName": "O'Brien", "EmailAddress": "", "Addresses": [], "Phones": []}"""));

        assertMapsTo(json, customer, """
                {"first_name": "Jack", "last_name": "O'Brien"}""");
    }

    @Test
    void itemBecomesAMaterialRowWithItsPrices() throws Exception {
        Object material = templates.apply("item.from-xero", json.readTree("""
                {"ItemID": "77", "Code": "PUMP-1HP", "Name": "Pool pump 1 HP", "Description": "Single speed",
                 "IsSold": true, "IsPurchased": true,
                 "SalesDetails": {"UnitPrice": 649.0, "AccountCode": "200", "TaxType": "OUTPUT"},
                 "PurchaseDetails": {"UnitPrice": 410.5, "AccountCode": "310"}}"""));

        assertMapsTo(json, material, """
                {"sku": "PUMP-1HP", "name": "Pool pump 1 HP", "description": "Single speed",
                 "sell_price": 649.0, "cost_price": 410.5}""");
    }

    @Test
    void itemNotPurchasedHasNoCostAndAnUnnamedOneIsNamedByItsCode() throws Exception {
        Object material = templates.apply("item.from-xero", json.readTree("""
                {"ItemID": "78", "Code": "LAB-HR", "IsSold": true, "IsPurchased": false,
                 "SalesDetails": {"UnitPrice": 95}, "PurchaseDetails": {"UnitPrice": 12}}"""));

        assertMapsTo(json, material, """
                {"sku": "LAB-HR", "name": "LAB-HR", "sell_price": 95}""");
    }

    @Test
    void companyWithoutAPersonKeepsItsName() throws Exception {
        Object customer = templates.apply("contact.from-xero", json.readTree("""
                {"ContactID": "5", "Name": "Chen Family Trust", "ContactNumber": "C00009"}"""));

        assertMapsTo(json, customer, """
                {"customer_number": "C00009", "company_name": "Chen Family Trust"}""");
    }
}
