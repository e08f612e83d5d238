package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class InvoicesTest extends SandboxTestSupport {

    private String contactId;

    private JsonNode invoiceWith(String lineAmountTypes, String lines) {
        if (contactId == null) {
            contactId = client.createContact("Ridgeway Plumbing").path("ContactID").asText();
        }
        return client.create("Invoices", "{\"Type\":\"ACCREC\",\"Contact\":{\"ContactID\":\"" + contactId + "\"},"
                + "\"Date\":\"2026-03-01\",\"Status\":\"AUTHORISED\",\"LineAmountTypes\":\"" + lineAmountTypes + "\",\"LineItems\":[" + lines + "]}");
    }

    @Test
    void exclusiveTotalsAddTaxPerLineRoundedToTwoPlaces() {
        JsonNode invoice = invoiceWith("Exclusive",
                "{\"Description\":\"Labour\",\"Quantity\":3,\"UnitAmount\":33.33,\"AccountCode\":\"200\"},"
                        + "{\"Description\":\"Parts\",\"Quantity\":1,\"UnitAmount\":10.05,\"AccountCode\":\"200\"}");
        // 99.99 -> tax 10.00 (9.999), 10.05 -> tax 1.01 (1.005 rounds half up)
        assertThat(invoice.path("SubTotal").decimalValue()).isEqualByComparingTo("110.04");
        assertThat(invoice.path("TotalTax").decimalValue()).isEqualByComparingTo("11.01");
        assertThat(invoice.path("Total").decimalValue()).isEqualByComparingTo("121.05");
        assertThat(invoice.path("AmountDue").decimalValue()).isEqualByComparingTo("121.05");
        assertThat(invoice.path("AmountPaid").decimalValue()).isEqualByComparingTo("0");
        assertThat(invoice.path("LineItems").path(0).path("TaxType").asText()).isEqualTo("OUTPUT");
        assertThat(invoice.path("LineItems").path(0).path("LineItemID").asText()).isNotBlank();
        assertThat(invoice.path("InvoiceNumber").asText()).isEqualTo("INV-0001");
        assertThat(invoice.path("Date").asText()).isEqualTo("/Date(1772323200000+0000)/");
    }

    @Test
    void inclusiveTotalsTakeTheTaxOutOfTheLineAmount() {
        JsonNode invoice = invoiceWith("Inclusive", "{\"Description\":\"Call-out\",\"Quantity\":1,\"UnitAmount\":110.00,\"AccountCode\":\"200\"}");
        assertThat(invoice.path("TotalTax").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(invoice.path("SubTotal").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(invoice.path("Total").decimalValue()).isEqualByComparingTo("110.00");
    }

    @Test
    void noTaxInvoicesCarryNoTax() {
        JsonNode invoice = invoiceWith("NoTax", "{\"Description\":\"Call-out\",\"Quantity\":2,\"UnitAmount\":50.00,\"AccountCode\":\"200\"}");
        assertThat(invoice.path("TotalTax").decimalValue()).isEqualByComparingTo("0");
        assertThat(invoice.path("Total").decimalValue()).isEqualByComparingTo("100.00");
    }

    @Test
    void lineWithAnItemCodeTakesTheItemsPriceAndAccount() {
        client.create("Items", "{\"Code\":\"PUMP-01\",\"Name\":\"Sump pump\",\"Description\":\"Sump pump, 1 hp\","
                + "\"SalesDetails\":{\"UnitPrice\":450.00,\"AccountCode\":\"260\"}}");
        JsonNode invoice = invoiceWith("Exclusive", "{\"ItemCode\":\"PUMP-01\",\"Quantity\":2}");
        JsonNode line = invoice.path("LineItems").path(0);
        assertThat(line.path("Description").asText()).isEqualTo("Sump pump, 1 hp");
        assertThat(line.path("AccountCode").asText()).isEqualTo("260");
        assertThat(line.path("LineAmount").decimalValue()).isEqualByComparingTo("900.00");
    }

    @Test
    void lineWithAnItemCodeAndALineAmountKeepsTheAmountAndWorksTheUnitAmountOut() {
        client.create("Items", "{\"Code\":\"PIPE-15\",\"Name\":\"Copper pipe\","
                + "\"SalesDetails\":{\"UnitPrice\":50.00,\"AccountCode\":\"260\"}}");
        JsonNode invoice = invoiceWith("Exclusive", "{\"ItemCode\":\"PIPE-15\",\"Quantity\":4,\"LineAmount\":193.99}");
        JsonNode line = invoice.path("LineItems").path(0);
        assertThat(line.path("LineAmount").decimalValue()).isEqualByComparingTo("193.99");
        assertThat(line.path("UnitAmount").decimalValue()).isEqualByComparingTo("48.50");
        assertThat(invoice.path("SubTotal").decimalValue()).isEqualByComparingTo("193.99");
    }

    @Test
    void salesInvoiceNumbersAreUniqueButBillNumbersAreNot() {
        String contact = client.createContact("Ridgeway Plumbing").path("ContactID").asText();
        client.createInvoice(contact, "FS-1001", "AUTHORISED");
        HttpResponse<String> duplicate = client.put("/Invoices?summarizeErrors=false", "{\"Invoices\":[{\"Type\":\"ACCREC\",\"InvoiceNumber\":\"FS-1001\","
                + "\"Contact\":{\"ContactID\":\"" + contact + "\"},\"LineItems\":[{\"Description\":\"x\",\"UnitAmount\":1,\"AccountCode\":\"200\"}]}]}");
        assertThat(SandboxClient.json(duplicate).path("Invoices").path(0).path("ValidationErrors").path(0).path("Message").asText())
                .isEqualTo("Invoice # must be unique.");

        String bill = "{\"Type\":\"ACCPAY\",\"InvoiceNumber\":\"SUP-77\",\"Contact\":{\"ContactID\":\"" + contact + "\"},"
                + "\"LineItems\":[{\"Description\":\"Pipe\",\"UnitAmount\":20,\"AccountCode\":\"310\"}]}";
        client.create("Invoices", bill);
        client.create("Invoices", bill);
        assertThat(sandbox.documents("Invoices")).filteredOn(i -> i.path("InvoiceNumber").asText().equals("SUP-77")).hasSize(2);
    }

    @Test
    void updateByInvoiceNumberChangesLinesAndRecomputesTotals() {
        String contact = client.createContact("Ridgeway Plumbing").path("ContactID").asText();
        client.createInvoice(contact, "FS-1001", "DRAFT");
        HttpResponse<String> response = client.post("/Invoices?summarizeErrors=false", "{\"Invoices\":[{\"Type\":\"ACCREC\",\"InvoiceNumber\":\"FS-1001\","
                + "\"LineItems\":[{\"Description\":\"Service call\",\"Quantity\":2,\"UnitAmount\":100.00,\"AccountCode\":\"200\"}]}]}");
        JsonNode invoice = SandboxClient.json(response).path("Invoices").path(0);
        assertThat(invoice.path("StatusAttributeString").asText()).isEqualTo("OK");
        assertThat(invoice.path("Total").decimalValue()).isEqualByComparingTo("220.00");
        assertThat(sandbox.documents("Invoices")).hasSize(1);
    }

    @Test
    void invoiceWithoutContactIsRefusedWithXerosMessage() {
        HttpResponse<String> response = client.put("/Invoices?summarizeErrors=false", "{\"Invoices\":[{\"Type\":\"ACCREC\","
                + "\"LineItems\":[{\"Description\":\"x\",\"UnitAmount\":1,\"AccountCode\":\"200\"}]}]}");
        assertThat(SandboxClient.json(response).path("Invoices").path(0).path("ValidationErrors").path(0).path("Message").asText())
                .isEqualTo("A Contact must be specified for this type of transaction");
    }

    @Test
    void invoiceForAnUnknownContactNameCreatesTheContact() {
        client.create("Invoices", "{\"Type\":\"ACCREC\",\"Contact\":{\"Name\":\"Walk-in Customer\"},"
                + "\"LineItems\":[{\"Description\":\"x\",\"UnitAmount\":1,\"AccountCode\":\"200\"}]}");
        assertThat(sandbox.documents("Contacts")).singleElement()
                .satisfies(c -> assertThat(c.path("IsCustomer").asBoolean()).isTrue());
    }

    @Test
    void documentDatedOnOrBeforeTheLockDateIsRefused() {
        sandbox.setLockDates(LocalDate.of(2026, 3, 31), null);
        String contact = client.createContact("Ridgeway Plumbing").path("ContactID").asText();
        HttpResponse<String> response = client.put("/Invoices?summarizeErrors=false", "{\"Invoices\":[{\"Type\":\"ACCREC\",\"Date\":\"2026-03-31\","
                + "\"Contact\":{\"ContactID\":\"" + contact + "\"},\"LineItems\":[{\"Description\":\"x\",\"UnitAmount\":1,\"AccountCode\":\"200\"}]}]}");
        assertThat(SandboxClient.json(response).path("Invoices").path(0).path("ValidationErrors").path(0).path("Message").asText())
                .isEqualTo("The document date cannot be before the period lock date, currently set at 31-Mar-2026");
        assertThat(SandboxClient.json(client.get("/Organisation")).path("Organisations").path(0).path("PeriodLockDate").asText())
                .startsWith("/Date(");
    }

    @Test
    void voidedInvoiceCannotBeModified() {
        String contact = client.createContact("Ridgeway Plumbing").path("ContactID").asText();
        String id = client.createInvoice(contact, "FS-1", "AUTHORISED").path("InvoiceID").asText();
        client.post("/Invoices/" + id + "?summarizeErrors=false", "{\"Invoices\":[{\"Status\":\"VOIDED\"}]}");
        HttpResponse<String> response = client.post("/Invoices/" + id + "?summarizeErrors=false", "{\"Invoices\":[{\"Reference\":\"again\"}]}");
        assertThat(SandboxClient.json(response).path("Invoices").path(0).path("ValidationErrors").path(0).path("Message").asText())
                .isEqualTo("Invoice not of valid status for modification");
    }

    @Test
    void unpagedInvoiceListLeavesOutLineItemsButAPageShowsThem() {
        String contact = client.createContact("Ridgeway Plumbing").path("ContactID").asText();
        client.createInvoice(contact, "FS-1", "AUTHORISED");
        assertThat(SandboxClient.json(client.get("/Invoices")).path("Invoices").path(0).has("LineItems")).isFalse();
        assertThat(SandboxClient.json(client.get("/Invoices?page=1")).path("Invoices").path(0).path("LineItems").size()).isEqualTo(1);
    }
}
