package io.fieldsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** xeroFieldLimits: what reaches Xero when an FSM value is longer than Xero allows. */
class XeroFieldLimitsTest {

    private static final String LONG_SKU_6M = "COPPER-PIPE-15MM-TYPE-B-HARD-DRAWN-6M";
    private static final String LONG_SKU_3M = "COPPER-PIPE-15MM-TYPE-B-HARD-DRAWN-3M";

    private final XeroFieldLimits limits = new XeroFieldLimits();
    private final ObjectMapper json = new ObjectMapper();

    @SuppressWarnings("unchecked")
    private Map<String, Object> element(String text) throws Exception {
        return json.readValue(text, LinkedHashMap.class);
    }

    @Test
    void itemWithinLimitsGoesUnchanged() throws Exception {
        Map<String, Object> item = element("""
                {"Code": "PVC-90-ELB", "Name": "PVC elbow 90°", "Description": "PVC pressure elbow, 90°, 20 mm",
                 "IsSold": true, "SalesDetails": {"UnitPrice": 4.5, "AccountCode": "200"}}""");

        XeroFieldLimits.Checked checked = limits.check("Items", item);

        assertThat(checked.element()).isEqualTo(item);
        assertThat(checked.warnings()).isEmpty();
        assertThat(checked.failure()).isNull();
    }

    @Test
    void longItemCodeIsShortenedToPrefixAndHashWithAWarning() throws Exception {
        Map<String, Object> item = element("{\"Code\": \"" + LONG_SKU_6M + "\", \"Name\": \"Copper pipe 15 mm 6 m\"}");

        XeroFieldLimits.Checked checked = limits.check("Items", item);

        assertThat(checked.element()).isEqualTo(element("""
                {"Code": "COPPER-PIPE-15MM-TYPE-B-~F90TU", "Name": "Copper pipe 15 mm 6 m"}"""));
        assertThat(checked.element().get("Code").toString()).hasSize(30);
        assertThat(checked.warnings()).containsExactly("Item Code \"" + LONG_SKU_6M
                + "\" is longer than 30 characters; sent as \"COPPER-PIPE-15MM-TYPE-B-~F90TU\"");
        assertThat(checked.failure()).isNull();
    }

    @Test
    void shorteningIsTheSameEveryTime() throws Exception {
        Map<String, Object> item = element("{\"Code\": \"" + LONG_SKU_6M + "\", \"Name\": \"Copper pipe\"}");

        assertThat(limits.check("Items", item)).isEqualTo(limits.check("Items", item));
        assertThat(limits.check("Items", element("{\"Code\": \"" + LONG_SKU_6M + "\"}")).element().get("Code"))
                .isEqualTo("COPPER-PIPE-15MM-TYPE-B-~F90TU");
    }

    @Test
    void twoLongCodesSharingTheirFirstThirtyCharactersStayDistinct() throws Exception {
        assertThat(LONG_SKU_6M.substring(0, 30)).isEqualTo(LONG_SKU_3M.substring(0, 30));

        Object sixMetres = limits.check("Items", element("{\"Code\": \"" + LONG_SKU_6M + "\"}")).element().get("Code");
        Object threeMetres = limits.check("Items", element("{\"Code\": \"" + LONG_SKU_3M + "\"}")).element().get("Code");

        assertThat(sixMetres).isEqualTo("COPPER-PIPE-15MM-TYPE-B-~F90TU");
        assertThat(threeMetres).isEqualTo("COPPER-PIPE-15MM-TYPE-B-~UI4VO");
    }

    @Test
    void longItemNameIsShortenedToFiftyCharacters() throws Exception {
        String name = "Copper pipe, 15 mm, type B, hard drawn, 6 metre length, AS 1432";
        Map<String, Object> item = element("{\"Code\": \"CU-15-6\", \"Name\": \"" + name + "\"}");

        XeroFieldLimits.Checked checked = limits.check("Items", item);

        String sent = (String) checked.element().get("Name");
        assertThat(sent).hasSize(50).startsWith(name.substring(0, 44) + "~").matches(".{44}~[0-9A-Z]{5}");
        assertThat(sent).isEqualTo(XeroFieldLimits.shortened(name, 50));
        assertThat(checked.warnings()).containsExactly(
                "Item Name \"" + name + "\" is longer than 50 characters; sent as \"" + sent + "\"");
    }

    @Test
    void valuesExactlyAtTheLimitAreUntouched() throws Exception {
        String code = "C".repeat(30);
        String name = "N".repeat(50);
        String description = "D".repeat(4000);
        Map<String, Object> item = element("{\"Code\": \"" + code + "\", \"Name\": \"" + name
                + "\", \"Description\": \"" + description + "\"}");
        Map<String, Object> contact = element("{\"Name\": \"" + "n".repeat(255) + "\", \"EmailAddress\": \""
                + "e".repeat(243) + "@example.com\", \"ContactNumber\": \"" + "9".repeat(50) + "\"}");
        Map<String, Object> invoice = element("{\"InvoiceNumber\": \"" + "I".repeat(255) + "\", \"Reference\": \""
                + "R".repeat(255) + "\", \"LineItems\": [{\"Description\": \"" + description + "\", \"ItemCode\": \""
                + code + "\"}]}");

        assertThat(limits.check("Items", item)).isEqualTo(new XeroFieldLimits.Checked(item, List.of(), null));
        assertThat(limits.check("Contacts", contact)).isEqualTo(new XeroFieldLimits.Checked(contact, List.of(), null));
        assertThat(limits.check("Invoices", invoice)).isEqualTo(new XeroFieldLimits.Checked(invoice, List.of(), null));
    }

    @Test
    void longItemDescriptionIsCutWithAnEllipsisAndAWarning() throws Exception {
        Map<String, Object> item = element("{\"Code\": \"HWS-315\", \"Name\": \"Hot water unit 315 L\", \"Description\": \""
                + "x".repeat(4100) + "\"}");

        XeroFieldLimits.Checked checked = limits.check("Items", item);

        assertThat(checked.element().get("Description")).isEqualTo("x".repeat(3999) + "…");
        assertThat(checked.warnings()).containsExactly("Item Description is 4100 characters, cut to Xero's 4000");
        assertThat(checked.failure()).isNull();
    }

    @Test
    void longContactNumberIsShortenedAndLongNameFailsTheContact() throws Exception {
        String number = "HARBOUR-POOLS-" + "0".repeat(40);
        Map<String, Object> contact = element("{\"ContactNumber\": \"" + number + "\", \"Name\": \"" + "H".repeat(256)
                + "\", \"EmailAddress\": \"" + "a".repeat(250) + "@harbourpools.com.au\"}");

        XeroFieldLimits.Checked checked = limits.check("Contacts", contact);

        assertThat(checked.element().get("ContactNumber")).isEqualTo(XeroFieldLimits.shortened(number, 50));
        assertThat((String) checked.element().get("ContactNumber")).hasSize(50).startsWith("HARBOUR-POOLS-");
        assertThat(checked.warnings()).hasSize(1).first().asString().startsWith("ContactNumber \"" + number + "\"");
        // an over-long email address is XeroFieldValues' to leave out, not a reason to fail the contact
        assertThat(checked.failure()).isEqualTo("Contact Name is 256 characters, Xero allows at most 255");
        assertThat(checked.element().get("Name")).isEqualTo("H".repeat(256));
    }

    @Test
    void longReferenceFailsTheInvoice() throws Exception {
        Map<String, Object> invoice = element("{\"Type\": \"ACCREC\", \"Reference\": \"" + "J".repeat(300) + "\"}");

        XeroFieldLimits.Checked checked = limits.check("Invoices", invoice);

        assertThat(checked.failure()).isEqualTo("Reference is 300 characters, Xero allows at most 255");
        assertThat(checked.warnings()).isEmpty();
    }

    @Test
    void longInvoiceNumberIsShortenedAndLongLineDescriptionsAreCut() throws Exception {
        String number = "INV-" + "7".repeat(260);
        Map<String, Object> invoice = element("""
                {"Type": "ACCREC", "InvoiceNumber": "%s", "Contact": {"ContactID": "5a3c1f6e-5d0c-4a47-9b53-0d6c2d2a9b11"},
                 "LineItems": [
                   {"Description": "Service address: 12 Wharf Rd, Balmain NSW 2041"},
                   {"Description": "%s", "Quantity": 2.0, "UnitAmount": 95.0, "ItemCode": "%s", "AccountCode": "200"}
                 ]}""".formatted(number, "w".repeat(4001), LONG_SKU_6M));

        XeroFieldLimits.Checked checked = limits.check("Invoices", invoice);

        assertThat(checked.element()).isEqualTo(element("""
                {"Type": "ACCREC", "InvoiceNumber": "%s", "Contact": {"ContactID": "5a3c1f6e-5d0c-4a47-9b53-0d6c2d2a9b11"},
                 "LineItems": [
                   {"Description": "Service address: 12 Wharf Rd, Balmain NSW 2041"},
                   {"Description": "%s…", "Quantity": 2.0, "UnitAmount": 95.0,
                    "ItemCode": "COPPER-PIPE-15MM-TYPE-B-~F90TU", "AccountCode": "200"}
                 ]}""".formatted(XeroFieldLimits.shortened(number, 255), "w".repeat(3999))));
        assertThat((String) checked.element().get("InvoiceNumber")).hasSize(255).startsWith("INV-777");
        assertThat(checked.warnings()).hasSize(3);
        assertThat(checked.warnings().get(1)).isEqualTo("LineItems[1].Description is 4001 characters, cut to Xero's 4000");
        assertThat(checked.warnings().get(2)).isEqualTo("LineItems[1].ItemCode \"" + LONG_SKU_6M
                + "\" is longer than 30 characters; sent as \"COPPER-PIPE-15MM-TYPE-B-~F90TU\"");
        assertThat(checked.failure()).isNull();
    }

    @Test
    void theElementGivenIsLeftAsItWas() throws Exception {
        String text = "{\"InvoiceNumber\": \"" + "I".repeat(300) + "\", \"LineItems\": [{\"Description\": \""
                + "d".repeat(5000) + "\"}]}";
        Map<String, Object> invoice = element(text);

        XeroFieldLimits.Checked checked = limits.check("Invoices", invoice);

        assertThat(invoice).isEqualTo(element(text));
        assertThat(checked.element()).isNotSameAs(invoice);
        assertThat(checked.element().get("LineItems")).isNotSameAs(invoice.get("LineItems"));
    }

    @Test
    void charactersBeyondTheBasicPlaneCountOnceAndAreNeverSplit() throws Exception {
        String description = "🔧".repeat(4001);
        Map<String, Object> item = new LinkedHashMap<>(Map.of("Code", "TOOL", "Description", description));

        Object sent = limits.check("Items", item).element().get("Description");

        assertThat(sent).isEqualTo("🔧".repeat(3999) + "…");
    }

    @Test
    void anUnknownCollectionIsRefused() {
        assertThatThrownBy(() -> limits.check("Bills", new LinkedHashMap<>(Map.of("Reference", "x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Bills");
    }

    @Test
    void valuesThatAreNotTextAreLeftAlone() throws Exception {
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("InvoiceNumber", 12);
        invoice.put("LineItems", new ArrayList<>(List.of("not a line")));

        assertThat(limits.check("Invoices", invoice)).isEqualTo(new XeroFieldLimits.Checked(invoice, List.of(), null));
    }
}
