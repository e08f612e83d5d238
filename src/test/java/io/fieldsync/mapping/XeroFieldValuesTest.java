package io.fieldsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** xeroFieldValues: what reaches Xero when an FSM value is one Xero cannot store or would refuse. */
class XeroFieldValuesTest {

    private final XeroFieldValues values = new XeroFieldValues();
    private final ObjectMapper json = new ObjectMapper();

    @SuppressWarnings("unchecked")
    private Map<String, Object> element(String text) throws Exception {
        return json.readValue(text, LinkedHashMap.class);
    }

    @Test
    void contactWithOrdinaryValuesGoesUnchanged() throws Exception {
        Map<String, Object> contact = element("""
                {"ContactNumber": "C00042", "Name": "Harbour Pools Pty Ltd", "EmailAddress": "accounts@harbourpools.com.au",
                 "Addresses": [{"AddressType": "POBOX", "AddressLine1": "Unit 3\\n12 Wharf Rd", "City": "Balmain"}],
                 "Phones": [{"PhoneType": "DEFAULT", "PhoneNumber": "02 9555 0142"}]}""");

        XeroFieldValues.Checked checked = values.check("Contacts", contact);

        assertThat(checked.element()).isEqualTo(contact);
        assertThat(checked.warnings()).isEmpty();
        assertThat(checked.failure()).isNull();
    }

    @Test
    void controlCharactersAreRemovedFromEveryTextWithAWarningNamingTheField() throws Exception {
        Map<String, Object> contact = element("""
                {"Name": "Bell\\u0007 & Sons\\u0000 Plumbing",
                 "Addresses": [{"AddressType": "POBOX", "AddressLine1": "12 Wharf Rd\\u001b", "City": "Balmain\\u0085"}]}""");

        XeroFieldValues.Checked checked = values.check("Contacts", contact);

        assertThat(checked.element()).isEqualTo(element("""
                {"Name": "Bell & Sons Plumbing",
                 "Addresses": [{"AddressType": "POBOX", "AddressLine1": "12 Wharf Rd", "City": "Balmain"}]}"""));
        assertThat(checked.warnings()).containsExactly(
                "Contact Name: control characters U+0007, U+0000 removed; sent as \"Bell & Sons Plumbing\"",
                "Contact Addresses[0].AddressLine1: control characters U+001B removed; sent as \"12 Wharf Rd\"",
                "Contact Addresses[0].City: control characters U+0085 removed; sent as \"Balmain\"");
        assertThat(checked.failure()).isNull();
    }

    @Test
    void paymentReferenceLosesItsControlCharactersAndKeepsTheRest() throws Exception {
        Map<String, Object> payment = element("""
                {"Invoice": {"InvoiceID": "5c1d7d3e-0f4b-4a8e-9d2c-6b3a1f0e9d88"}, "Account": {"Code": "090"},
                 "Date": "2026-10-03", "Amount": 412.5, "Reference": "FS-P77 chq\\u0007 4456"}""");

        XeroFieldValues.Checked checked = values.check("Payments", payment);

        assertThat(checked.element()).containsEntry("Reference", "FS-P77 chq 4456").containsEntry("Amount", 412.5);
        assertThat(checked.warnings()).containsExactly("Payment Reference: control characters U+0007 removed; sent as \"FS-P77 chq 4456\"");
        assertThat(checked.failure()).isNull();
    }

    @Test
    void lineBreaksInANameBecomeOneSpaceButStayInFreeText() throws Exception {
        Map<String, Object> invoice = element("""
                {"InvoiceNumber": "INV\\r\\n0042", "Reference": "J00031\\t",
                 "LineItems": [{"Description": "Labour\\nParts", "ItemCode": "LAB\\nPLUMB", "Quantity": 1}]}""");

        XeroFieldValues.Checked checked = values.check("Invoices", invoice);

        assertThat(checked.element()).isEqualTo(element("""
                {"InvoiceNumber": "INV 0042", "Reference": "J00031",
                 "LineItems": [{"Description": "Labour\\nParts", "ItemCode": "LAB PLUMB", "Quantity": 1}]}"""));
        assertThat(checked.warnings()).containsExactly(
                "Invoice InvoiceNumber: line breaks and tabs made spaces; sent as \"INV 0042\"",
                "Invoice Reference: line breaks and tabs made spaces; sent as \"J00031\"",
                "Invoice LineItems[0].ItemCode: line breaks and tabs made spaces; sent as \"LAB PLUMB\"");
    }

    @Test
    void longTextIsNotQuotedInItsWarning() throws Exception {
        Map<String, Object> item = element("{\"Code\": \"M1\", \"Description\": \"" + "D".repeat(500) + "\\u0000\"}");

        XeroFieldValues.Checked checked = values.check("Items", item);

        assertThat(checked.element().get("Description")).isEqualTo("D".repeat(500));
        assertThat(checked.warnings()).containsExactly("Item Description: control characters U+0000 removed");
    }

    @Test
    void contactWithoutANameFails() throws Exception {
        assertThat(values.check("Contacts", element("{\"ContactNumber\": \"C00099\", \"Name\": \"\"}")).failure())
                .isEqualTo("Contact Name is empty: Xero needs a name for every contact");
        assertThat(values.check("Contacts", element("{\"Name\": \" \\u0000 \"}")).failure())
                .isEqualTo("Contact Name is empty: Xero needs a name for every contact");
        assertThat(values.check("Contacts", element("{\"ContactNumber\": \"C00099\"}")).failure())
                .isEqualTo("Contact Name is empty: Xero needs a name for every contact");
        // an update may leave the name as Xero has it
        assertThat(values.check("Contacts", element("{\"ContactID\": \"5a3c1f6e-5d0c-4a47-9b53-0d6c2d2a9b11\"}")).failed())
                .isFalse();
    }

    @Test
    void invalidEmailAddressIsLeftOutWithAWarningSayingWhy() throws Exception {
        assertThat(emailWarning("accounts at harbourpools.com.au")).isEqualTo(
                "Contact EmailAddress \"accounts at harbourpools.com.au\" is not a valid email address (no @); sent without it");
        assertThat(emailWarning("a@harbourpools.com.au; b@harbourpools.com.au")).isEqualTo(
                "Contact EmailAddress \"a@harbourpools.com.au; b@harbourpools.com.au\" is not a valid email address"
                        + " (it holds more than one address; Xero takes one); sent without it");
        assertThat(emailWarning("ofﬁce@harbourpools.com.au")).isEqualTo(
                "Contact EmailAddress \"ofﬁce@harbourpools.com.au\" is not a valid email address"
                        + " (it contains 'ﬁ' U+FB01, which Xero does not take in an email address); sent without it");
        assertThat(emailWarning("mia@@harbourpools.com.au")).isEqualTo(
                "Contact EmailAddress \"mia@@harbourpools.com.au\" is not a valid email address; sent without it");
        assertThat(emailWarning("mia@harbourpools")).isNotNull();
        assertThat(emailWarning("mia.@harbourpools.com.au")).isNotNull();
        assertThat(emailWarning("bob@")).isEqualTo("Contact EmailAddress \"bob@\" is not a valid email address; sent without it");
        assertThat(emailWarning("a b@x.com")).isNotNull();
        assertThat(emailWarning("a".repeat(250) + "@harbourpools.com.au")).endsWith(
                " is not a valid email address (longer than Xero's 255 characters); sent without it");
    }

    @Test
    void aContactWithABadEmailAddressGoesWithoutIt() throws Exception {
        XeroFieldValues.Checked checked = values.check("Contacts",
                element("{\"Name\": \"Bob Brown\", \"EmailAddress\": \"bob@\", \"TaxNumber\": \"51824753556\"}"));

        assertThat(checked.failed()).isFalse();
        assertThat(checked.element()).isEqualTo(Map.of("Name", "Bob Brown", "TaxNumber", "51824753556"));
    }

    @Test
    void aPhoneNumberLongerThanXeroTakesIsLeftOutWithAWarning() throws Exception {
        XeroFieldValues.Checked checked = values.check("Contacts", element("{\"Name\": \"Bob Brown\", \"Phones\": ["
                + "{\"PhoneType\": \"DEFAULT\", \"PhoneNumber\": \"02 9999 0000 ext 12 (ask for Bob, after 3pm, not on Fridays)\"},"
                + "{\"PhoneType\": \"MOBILE\", \"PhoneNumber\": \"0400 000 000\"}]}"));

        assertThat(checked.failed()).isFalse();
        assertThat(checked.element().get("Phones")).isEqualTo(List.of(Map.of("PhoneType", "MOBILE", "PhoneNumber", "0400 000 000")));
        assertThat(checked.warnings()).containsExactly("Contact Phones[0].PhoneNumber \"02 9999 0000 ext 12 (ask for Bob,"
                + " after 3pm, not on Fridays)\" is longer than Xero's 50 characters; sent without this phone");
    }

    @Test
    void ordinaryEmailAddressesPass() throws Exception {
        for (String email : new String[] {"accounts@harbourpools.com.au", "o'brien+invoices@mail.example.co.nz",
                "MIA_NGUYEN@EXAMPLE.COM", "x@sub-domain.xn--p1ai"}) {
            assertThat(emailWarning(email)).as(email).isNull();
        }
    }

    @Test
    void spacesAroundAnEmailAddressAreDroppedAndAnEmptyOneIsNone() throws Exception {
        XeroFieldValues.Checked spaced = values.check("Contacts",
                element("{\"Name\": \"Mail Four\", \"EmailAddress\": \"  mia@mailfour.com.au \"}"));
        XeroFieldValues.Checked empty = values.check("Contacts", element("{\"Name\": \"Mail Five\", \"EmailAddress\": \" \"}"));

        assertThat(spaced.element()).containsEntry("EmailAddress", "mia@mailfour.com.au");
        assertThat(spaced.failed()).isFalse();
        assertThat(empty.element()).doesNotContainKey("EmailAddress");
        assertThat(empty.failed()).isFalse();
    }

    @Test
    void currencyIsUpperCasedAndAnUnknownOneFails() throws Exception {
        XeroFieldValues.Checked lower = values.check("Invoices", element("{\"CurrencyCode\": \"aud\"}"));
        XeroFieldValues.Checked unknown = values.check("Invoices", element("{\"CurrencyCode\": \"XYZ\"}"));

        assertThat(lower.element()).containsEntry("CurrencyCode", "AUD");
        assertThat(lower.failed()).isFalse();
        assertThat(unknown.failure()).isEqualTo("Invoice CurrencyCode \"XYZ\" is not an ISO 4217 currency code");
    }

    /** The warning of a contact with this address, null when it goes as it is; it never fails the contact. */
    private String emailWarning(String email) throws Exception {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("Name", "Harbour Pools Pty Ltd");
        contact.put("EmailAddress", email);
        XeroFieldValues.Checked checked = values.check("Contacts", contact);
        assertThat(checked.failed()).isFalse();
        assertThat(checked.element().containsKey("EmailAddress")).isEqualTo(checked.warnings().isEmpty());
        return checked.warnings().isEmpty() ? null : checked.warnings().get(0);
    }
}
