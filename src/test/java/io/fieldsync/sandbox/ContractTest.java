package io.fieldsync.sandbox;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ContractTest extends SandboxTestSupport {

    @Test
    void correctRequestsRecordNoViolation() {
        String contact = client.createContact("Ridgeway Plumbing").path("ContactID").asText();
        client.createInvoice(contact, "FS-1", "AUTHORISED");
        client.get("/Invoices?page=1&pageSize=100&order=UpdatedDateUTC");
        client.get("/Contacts?includeArchived=true");
        client.put("/Items?summarizeErrors=false", "{\"Items\":[{\"Code\":\"PUMP-01\",\"Name\":\"Sump pump\","
                + "\"SalesDetails\":{\"UnitPrice\":450.00,\"AccountCode\":\"200\",\"TaxType\":\"OUTPUT\"}}]}");
        assertThat(sandbox.contractViolations()).isEmpty();
    }

    @Test
    void inventedPropertyIsRecordedAndTheRequestStillAnswered() {
        HttpResponse<String> response = client.put("/Contacts?summarizeErrors=false", "{\"Contacts\":[{\"Name\":\"Ridgeway Plumbing\",\"Nmae\":\"x\"}]}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sandbox.contractViolations()).singleElement().satisfies(v -> {
            assertThat(v.method()).isEqualTo("PUT");
            assertThat(v.path()).isEqualTo("/api.xro/2.0/Contacts");
            assertThat(v.messages()).anyMatch(m -> m.contains("Nmae"));
        });
    }

    @Test
    void missingAcceptHeaderIsRecordedAndAnsweredInXmlAsXeroWould() {
        HttpResponse<String> response = client.send(HttpRequestBuilders.withoutAccept(sandbox, client.token, "/Contacts"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("<Response>");
        assertThat(sandbox.contractViolations()).singleElement()
                .satisfies(v -> assertThat(v.messages()).anyMatch(m -> m.contains("Accept")));
    }

    @Test
    void batchWriteWithoutSummarizeErrorsIsRecorded() {
        client.put("/Contacts", "{\"Contacts\":[{\"Name\":\"Ridgeway Plumbing\"}]}");
        assertThat(sandbox.contractViolations()).singleElement()
                .satisfies(v -> assertThat(v.messages()).anyMatch(m -> m.contains("summarizeErrors")));
    }

    @Test
    void aQueryParameterTheOperationLacksIsRecordedAndOneItHasIsNot() {
        String order = "{\"PurchaseOrders\":[{\"Contact\":{\"Name\":\"Pipe Supplies\"},"
                + "\"LineItems\":[{\"Description\":\"Pipe\",\"UnitAmount\":10.125,\"AccountCode\":\"310\"}]}]}";
        assertThat(client.put("/PurchaseOrders?summarizeErrors=false&unitdp=4", order).statusCode()).isEqualTo(200);
        assertThat(sandbox.contractViolations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("/api.xro/2.0/PurchaseOrders");
            assertThat(v.messages()).anyMatch(m -> m.contains("unitdp"));
        });
        sandbox.clearContractViolations();

        client.put("/Invoices?summarizeErrors=false&unitdp=4", "{\"Invoices\":[]}");
        client.get("/Contacts?includeArchived=true&page=1&pageSize=1000&SummaryOnly=false");
        client.get("/Items?madeUp=1");
        assertThat(sandbox.contractViolations()).as("unitdp on invoices, any case of a known name; not an invented one")
                .singleElement().satisfies(v -> assertThat(v.messages()).anyMatch(m -> m.toLowerCase().contains("madeup")));
    }

    @Test
    void wrongTypeIsRecorded() {
        client.put("/Items?summarizeErrors=false", "{\"Items\":[{\"Code\":\"A\",\"SalesDetails\":{\"UnitPrice\":\"12.50\"}}]}");
        assertThat(sandbox.contractViolations()).singleElement()
                .satisfies(v -> assertThat(v.messages()).anyMatch(m -> m.contains("UnitPrice")));
    }

    @Test
    void missingTenantHeaderIsForgivenAsCustomConnectionsMayOmitIt() {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(java.net.URI.create(sandbox.apiUrl() + "/Contacts"))
                .header("Authorization", "Bearer " + client.token).header("Accept", "application/json").GET());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sandbox.contractViolations()).isEmpty();
    }

    @Test
    void invoiceNumberAndItemCodeInTheIdPathAreForgivenAsXeroServesThem() {
        client.createInvoice(client.createContact("Ridgeway Plumbing").path("ContactID").asText(), "FS-1", "AUTHORISED");
        client.create("Items", "{\"Code\":\"PUMP-01\"}");
        assertThat(client.get("/Invoices/FS-1").statusCode()).isEqualTo(200);
        assertThat(client.get("/Items/PUMP-01").statusCode()).isEqualTo(200);
        assertThat(sandbox.contractViolations()).isEmpty();
    }

    @Test
    void attachmentSentWithItsOwnMimeTypeIsRecordedAsTheSpecAsksForOctetStream() {
        String po = client.create("PurchaseOrders", "{\"Contact\":{\"Name\":\"Pipe Supplies\"},"
                + "\"LineItems\":[{\"Description\":\"Pipe\",\"UnitAmount\":10,\"AccountCode\":\"310\"}]}").path("PurchaseOrderID").asText();
        client.send(client.request("/PurchaseOrders/" + po + "/Attachments/quote.pdf").header("Content-Type", "application/pdf")
                .PUT(HttpRequest.BodyPublishers.ofString("%PDF")));
        assertThat(sandbox.contractViolations()).singleElement()
                .satisfies(v -> assertThat(v.messages()).anyMatch(m -> m.contains("application/octet-stream")));
    }

    @Test
    void theContractIsParsedOncePerJvm() {
        assertThat(XeroSandbox.contractParseTime()).isNotNull().isPositive();
        try (XeroSandbox second = new XeroSandbox(SandboxSettings.defaults())) {
            long started = System.nanoTime();
            second.start();
            assertThat(System.nanoTime() - started).isLessThan(XeroSandbox.contractParseTime().toNanos());
        }
    }

    /** Requests a careless client would send. */
    static final class HttpRequestBuilders {
        static HttpRequest.Builder withoutAccept(XeroSandbox sandbox, String token, String path) {
            return HttpRequest.newBuilder(java.net.URI.create(sandbox.apiUrl() + path))
                    .header("Authorization", "Bearer " + token).header("xero-tenant-id", sandbox.tenantId()).GET();
        }
    }
}
