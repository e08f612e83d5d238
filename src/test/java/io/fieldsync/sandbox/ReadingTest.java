package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReadingTest extends SandboxTestSupport {

    private void createContacts(int count) {
        StringBuilder batch = new StringBuilder("{\"Contacts\":[");
        for (int i = 1; i <= count; i++) {
            batch.append(i > 1 ? "," : "").append("{\"Name\":\"Customer ").append(String.format("%03d", i)).append("\"}");
        }
        assertThat(client.put("/Contacts?summarizeErrors=false", batch.append("]}").toString()).statusCode()).isEqualTo(200);
    }

    @Test
    void contactsArePagedByOneHundredByDefaultWithPaginationInfo() {
        createContacts(150);
        JsonNode page1 = SandboxClient.json(client.get("/Contacts?page=1"));
        JsonNode page2 = SandboxClient.json(client.get("/Contacts?page=2"));
        JsonNode page3 = SandboxClient.json(client.get("/Contacts?page=3"));
        assertThat(page1.path("Contacts")).hasSize(100);
        assertThat(page2.path("Contacts")).hasSize(50);
        assertThat(page3.path("Contacts")).isEmpty();
        assertThat(page1.path("pagination").path("itemCount").asInt()).isEqualTo(150);
        assertThat(page1.path("pagination").path("pageCount").asInt()).isEqualTo(2);
    }

    @Test
    void pageSizeIsHonouredUpToOneThousand() {
        createContacts(30);
        assertThat(SandboxClient.json(client.get("/Contacts?page=2&pageSize=25")).path("Contacts")).hasSize(5);
        assertThat(SandboxClient.json(client.get("/Contacts?page=1&pageSize=5000")).path("pagination").path("pageSize").asInt()).isEqualTo(1000);
    }

    @Test
    void itemsAreNotPaged() {
        StringBuilder batch = new StringBuilder("{\"Items\":[");
        for (int i = 1; i <= 120; i++) {
            batch.append(i > 1 ? "," : "").append("{\"Code\":\"I-").append(i).append("\"}");
        }
        client.put("/Items?summarizeErrors=false", batch.append("]}").toString());
        assertThat(SandboxClient.json(client.get("/Items?page=1")).path("Items")).hasSize(120);
    }

    @Test
    void ifModifiedSinceReturnsOnlyDocumentsChangedFromThatSecond() throws Exception {
        createContacts(3);
        Thread.sleep(1100);
        Instant watermark = Instant.now();
        Thread.sleep(1100);
        client.createContact("Late Customer");
        String since = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC).format(watermark);
        HttpResponse<String> response = client.send(client.request("/Contacts").header("If-Modified-Since", since).GET());
        assertThat(SandboxClient.json(response).path("Contacts").findValuesAsText("Name")).containsExactly("Late Customer");
    }

    @Test
    void orderByUpdatedDateDescendingPutsTheNewestFirst() throws InterruptedException {
        createContacts(3);
        String first = sandbox.documents("Contacts").get(0).path("ContactID").asText();
        Thread.sleep(5); // UpdatedDateUTC has Xero's millisecond precision: a change in the same millisecond would tie
        client.post("/Contacts?summarizeErrors=false", "{\"Contacts\":[{\"ContactID\":\"" + first + "\",\"EmailAddress\":\"x@y.example\"}]}");
        JsonNode contacts = SandboxClient.json(client.get("/Contacts?order=UpdatedDateUTC%20DESC")).path("Contacts");
        assertThat(contacts.path(0).path("ContactID").asText()).isEqualTo(first);
        JsonNode ascending = SandboxClient.json(client.get("/Contacts?order=UpdatedDateUTC")).path("Contacts");
        assertThat(ascending.path(2).path("ContactID").asText()).isEqualTo(first);
    }

    @Test
    void archivedContactsOnlyShowWithIncludeArchived() {
        createContacts(2);
        String id = sandbox.documents("Contacts").get(0).path("ContactID").asText();
        client.post("/Contacts?summarizeErrors=false", "{\"Contacts\":[{\"ContactID\":\"" + id + "\",\"ContactStatus\":\"ARCHIVED\"}]}");
        assertThat(SandboxClient.json(client.get("/Contacts")).path("Contacts")).hasSize(1);
        assertThat(SandboxClient.json(client.get("/Contacts?includeArchived=true")).path("Contacts")).hasSize(2);
    }

    @Test
    void idAndNumberAndStatusFiltersNarrowTheList() {
        String contact = client.createContact("Ridgeway Plumbing").path("ContactID").asText();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(client.createInvoice(contact, "FS-" + i, i == 3 ? "DRAFT" : "AUTHORISED").path("InvoiceID").asText());
        }
        assertThat(SandboxClient.json(client.get("/Invoices?IDs=" + ids.get(0) + "," + ids.get(2))).path("Invoices")).hasSize(2);
        assertThat(SandboxClient.json(client.get("/Invoices?InvoiceNumbers=FS-2")).path("Invoices").path(0).path("InvoiceID").asText())
                .isEqualTo(ids.get(1));
        assertThat(SandboxClient.json(client.get("/Invoices?Statuses=DRAFT")).path("Invoices")).hasSize(1);
        assertThat(SandboxClient.json(client.get("/Invoices?ContactIDs=" + contact)).path("Invoices")).hasSize(3);
    }

    @Test
    void simpleWhereClausesFilter() {
        assertThat(SandboxClient.json(client.get("/Accounts?where=" + enc("Type==\"BANK\""))).path("Accounts")).hasSize(2);
        assertThat(SandboxClient.json(client.get("/Accounts?where=" + enc("Code==\"090\" OR Code==\"200\""))).path("Accounts")).hasSize(2);
        HttpResponse<String> bad = client.get("/Accounts?where=" + enc("Name.StartsWith(\"B\")"));
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void whereClauseStringsTakeEscapesAsXeroDoes() {
        String name = "Acme \\ \"Best\" Plumbing && Sons OR Co";
        client.put("/Contacts?summarizeErrors=false", "{\"Contacts\":[{\"Name\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(name)
                + "},{\"Name\":\"Other\"}]}");
        String escaped = "\"Acme \\\\ \\\"Best\\\" Plumbing && Sons OR Co\"";

        assertThat(SandboxClient.json(client.get("/Contacts?where=" + enc("Name==" + escaped))).path("Contacts"))
                .extracting(c -> c.path("Name").asText()).containsExactly(name);
        assertThat(SandboxClient.json(client.get("/Contacts?where=" + enc("Name==" + escaped + " OR Name==\"Other\"")))
                .path("Contacts")).hasSize(2);
        assertThat(client.get("/Contacts?where=" + enc("Name==\"Acme \\\"")).statusCode())
                .as("a bare backslash escapes the closing quote: unterminated").isEqualTo(400);
        assertThat(client.get("/Contacts?where=" + enc("Name==\"Acme \\ Plumbing\"")).statusCode())
                .as("an escape C# does not know").isEqualTo(400);
    }

    @Test
    void invoicesOfAPeriodAreFoundByADateRangeWhereClause() {
        String contact = client.createContact("Ridgeway Plumbing").path("ContactID").asText();
        client.createInvoice(contact, "FS-1", "AUTHORISED"); // dated 2026-03-01
        for (String date : List.of("2026-02-28", "2026-03-31", "2026-04-01")) {
            ObjectNode invoice = (ObjectNode) SandboxClient.MAPPER.createObjectNode().put("Type", "ACCREC").put("Status", "AUTHORISED")
                    .put("Date", "/Date(" + java.time.LocalDate.parse(date).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli()
                            + "+0000)/").put("InvoiceNumber", "D-" + date);
            sandbox.plant("Invoices", invoice);
        }
        sandbox.plant("Invoices", (ObjectNode) SandboxClient.MAPPER.createObjectNode().put("Type", "ACCPAY").put("Status", "AUTHORISED")
                .put("Date", "/Date(" + java.time.Instant.parse("2026-03-15T00:00:00Z").toEpochMilli() + "+0000)/"));

        JsonNode march = SandboxClient.json(client.get("/Invoices?page=1&pageSize=1000&where=" + enc(
                "Date >= DateTime(2026, 03, 01) && Date < DateTime(2026, 04, 01) && Type == \"ACCREC\"")));

        assertThat(march.path("Invoices").findValuesAsText("InvoiceNumber")).containsExactlyInAnyOrder("FS-1", "D-2026-03-31");
        assertThat(march.path("pagination").path("itemCount").asInt()).isEqualTo(2);
        assertThat(SandboxClient.json(client.get("/Invoices?where=" + enc("(Date < DateTime(2026,03,01)) OR Date >= DateTime(2026,04,01,00,00,00)")))
                .path("Invoices").findValuesAsText("InvoiceNumber")).containsExactlyInAnyOrder("D-2026-02-28", "D-2026-04-01");
        assertThat(SandboxClient.json(client.get("/Invoices?where=" + enc("Total > 50.5"))).path("Invoices").findValuesAsText("InvoiceNumber"))
                .containsExactly("FS-1");
    }

    @Test
    void contactsCanBeFoundBySearchTermOrWhereOnTheirNumber() {
        client.create("Contacts", "{\"Name\":\"Ridgeway Plumbing\",\"ContactNumber\":\"FSM-17\",\"EmailAddress\":\"accounts@ridgeway.example\"}");
        client.createContact("Harbour Electrical");
        assertThat(SandboxClient.json(client.get("/Contacts?searchTerm=ridgeway")).path("Contacts").findValuesAsText("Name"))
                .containsExactly("Ridgeway Plumbing");
        assertThat(SandboxClient.json(client.get("/Contacts?where=" + enc("ContactNumber==\"FSM-17\""))).path("Contacts")).hasSize(1);
    }

    @Test
    void seededChartOfAccountsTaxRatesAndOrganisationAreThere() {
        JsonNode accounts = SandboxClient.json(client.get("/Accounts")).path("Accounts");
        assertThat(accounts.findValuesAsText("Code")).contains("090", "200", "260", "310", "404", "610", "800", "820");
        assertThat(SandboxClient.json(client.get("/TaxRates")).path("TaxRates").findValuesAsText("TaxType")).contains("OUTPUT", "INPUT", "BASEXCLUDED");
        JsonNode organisation = SandboxClient.json(client.get("/Organisation")).path("Organisations").path(0);
        assertThat(organisation.path("ShortCode").asText()).isEqualTo("!demo1");
        assertThat(organisation.path("CountryCode").asText()).isEqualTo("AU");
        assertThat(organisation.path("BaseCurrency").asText()).isEqualTo("AUD");
    }

    @Test
    void unknownDocumentIsA404() {
        assertThat(client.get("/Invoices/" + java.util.UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void everyApiCallIsCountedByMethodAndCollection() {
        client.get("/Contacts");
        client.get("/Contacts");
        client.put("/Items?summarizeErrors=false", "{\"Items\":[{\"Code\":\"A\"}]}");
        assertThat(sandbox.apiCalls()).isEqualTo(3);
        assertThat(sandbox.apiCalls("GET", "Contacts")).isEqualTo(2);
        assertThat(sandbox.apiCalls("PUT", "Items")).isEqualTo(1);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
