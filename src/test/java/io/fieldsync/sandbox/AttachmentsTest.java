package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentsTest extends SandboxTestSupport {
    private static final byte[] PDF = "%PDF-1.4 job sheet".getBytes(StandardCharsets.US_ASCII);

    private HttpResponse<String> upload(String collection, String id, String fileName, String query) {
        return client.send(client.request("/" + collection + "/" + id + "/Attachments/" + fileName + query)
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(PDF)));
    }

    private String invoiceId() {
        String contact = client.createContact("Ridgeway Plumbing").path("ContactID").asText();
        return client.createInvoice(contact, "FS-1", "AUTHORISED").path("InvoiceID").asText();
    }

    @Test
    void fileUploadedToAnInvoiceIsListedAndDownloadableAndCanBeShownOnline() {
        String id = invoiceId();
        HttpResponse<String> response = upload("Invoices", id, "job-sheet.pdf", "?IncludeOnline=true");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode attachment = SandboxClient.json(response).path("Attachments").path(0);
        assertThat(attachment.path("FileName").asText()).isEqualTo("job-sheet.pdf");
        assertThat(attachment.path("MimeType").asText()).isEqualTo("application/pdf");
        assertThat(attachment.path("ContentLength").asInt()).isEqualTo(PDF.length);
        assertThat(attachment.path("IncludeOnline").asBoolean()).isTrue();

        assertThat(SandboxClient.json(client.get("/Invoices/" + id + "/Attachments")).path("Attachments")).hasSize(1);
        HttpResponse<byte[]> download;
        try {
            download = client.http.send(client.request("/Invoices/" + id + "/Attachments/job-sheet.pdf")
                    .header("Accept", "application/octet-stream").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(sandbox.attachments(id)).singleElement().satisfies(a -> assertThat(a.includeOnline()).isTrue());
        assertThat(sandbox.document("Invoices", id).orElseThrow().path("HasAttachments").asBoolean()).isTrue();
    }

    @Test
    void purchaseOrdersTakeAttachmentsToo() {
        String contact = client.createContact("Pipe Supplies").path("ContactID").asText();
        String po = client.create("PurchaseOrders", "{\"Contact\":{\"ContactID\":\"" + contact + "\"},"
                + "\"LineItems\":[{\"Description\":\"Copper pipe\",\"Quantity\":10,\"UnitAmount\":12.50,\"AccountCode\":\"310\"}]}")
                .path("PurchaseOrderID").asText();
        assertThat(upload("PurchaseOrders", po, "quote.pdf", "").statusCode()).isEqualTo(200);
        assertThat(sandbox.attachments(po)).hasSize(1);
    }

    @Test
    void anEleventhAttachmentIsRefused() {
        String id = invoiceId();
        for (int i = 1; i <= 10; i++) {
            assertThat(upload("Invoices", id, "photo-" + i + ".pdf", "").statusCode()).isEqualTo(200);
        }
        assertThat(upload("Invoices", id, "photo-11.pdf", "").statusCode()).isEqualTo(400);
        assertThat(sandbox.attachments(id)).hasSize(10);
    }

    @Test
    void sameFileNameReplacesTheEarlierFile() {
        String id = invoiceId();
        upload("Invoices", id, "job-sheet.pdf", "");
        upload("Invoices", id, "job-sheet.pdf", "");
        assertThat(sandbox.attachments(id)).hasSize(1);
    }

    @Test
    void unknownFileTypeIsRefused() {
        assertThat(upload("Invoices", invoiceId(), "mail.eml", "").statusCode()).isEqualTo(400);
    }
}
