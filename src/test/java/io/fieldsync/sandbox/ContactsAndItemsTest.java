package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ContactsAndItemsTest extends SandboxTestSupport {

    @Test
    void createdContactGetsAGuidAndAnUpdatedDateAndCanBeReadBack() {
        JsonNode created = client.createContact("Ridgeway Plumbing");
        String id = created.path("ContactID").asText();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(created.path("UpdatedDateUTC").asText()).matches("/Date\\(\\d+\\+0000\\)/");
        assertThat(created.path("ContactStatus").asText()).isEqualTo("ACTIVE");

        HttpResponse<String> read = client.get("/Contacts/" + id);
        JsonNode envelope = SandboxClient.json(read);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(envelope.path("Status").asText()).isEqualTo("OK");
        assertThat(envelope.path("ProviderName").asText()).isNotBlank();
        assertThat(envelope.path("DateTimeUTC").asText()).startsWith("/Date(");
        assertThat(envelope.path("Contacts").path(0).path("Name").asText()).isEqualTo("Ridgeway Plumbing");
    }

    @Test
    void postWithContactIdUpdatesTheContactAndMovesUpdatedDate() {
        JsonNode created = client.createContact("Ridgeway Plumbing");
        HttpResponse<String> response = client.post("/Contacts?summarizeErrors=false", "{\"Contacts\":[{\"ContactID\":\""
                + created.path("ContactID").asText() + "\",\"EmailAddress\":\"accounts@ridgeway.example\"}]}");
        JsonNode updated = SandboxClient.json(response).path("Contacts").path(0);
        assertThat(updated.path("EmailAddress").asText()).isEqualTo("accounts@ridgeway.example");
        assertThat(updated.path("Name").asText()).isEqualTo("Ridgeway Plumbing");
        assertThat(updated.path("UpdatedDateUTC").asText()).isNotEqualTo(created.path("UpdatedDateUTC").asText());
        assertThat(sandbox.documents("Contacts")).hasSize(1);
    }

    @Test
    void postWithAKnownContactNumberUpdatesInsteadOfCreating() {
        client.create("Contacts", "{\"Name\":\"Ridgeway Plumbing\",\"ContactNumber\":\"FSM-17\"}");
        HttpResponse<String> response = client.post("/Contacts?summarizeErrors=false",
                "{\"Contacts\":[{\"ContactNumber\":\"FSM-17\",\"Name\":\"Ridgeway Plumbing Pty Ltd\"}]}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sandbox.documents("Contacts")).singleElement()
                .satisfies(c -> assertThat(c.path("Name").asText()).isEqualTo("Ridgeway Plumbing Pty Ltd"));
    }

    @Test
    void contactWithAnInvalidEmailAddressIsRefusedAsXeroRefusesIt() {
        HttpResponse<String> response = client.put("/Contacts?summarizeErrors=false", "{\"Contacts\":["
                + "{\"Name\":\"Ridgeway Plumbing\",\"EmailAddress\":\"accounts@ridgeway.example; jo@ridgeway.example\"},"
                + "{\"Name\":\"Harbour Electrical\",\"EmailAddress\":\"office@harbour.example\"}]}");
        JsonNode elements = SandboxClient.json(response).path("Contacts");
        assertThat(elements.path(0).path("StatusAttributeString").asText()).isEqualTo("ERROR");
        assertThat(elements.path(0).path("ValidationErrors").path(0).path("Message").asText())
                .isEqualTo("Email address must be valid.");
        assertThat(elements.path(1).path("StatusAttributeString").asText()).isEqualTo("OK");
        assertThat(sandbox.documents("Contacts")).singleElement()
                .satisfies(c -> assertThat(c.path("Name").asText()).isEqualTo("Harbour Electrical"));
    }

    @Test
    void contactNameMustBeUniqueAmongActiveContacts() {
        client.createContact("Ridgeway Plumbing");
        HttpResponse<String> response = client.put("/Contacts?summarizeErrors=false", "{\"Contacts\":[{\"Name\":\"ridgeway plumbing\"}]}");
        JsonNode element = SandboxClient.json(response).path("Contacts").path(0);
        assertThat(element.path("StatusAttributeString").asText()).isEqualTo("ERROR");
        assertThat(element.path("ValidationErrors").path(0).path("Message").asText())
                .contains("is already assigned to another contact");
    }

    @Test
    void anArchivedContactsNameCanBeReusedButTheArchivedContactCannotTakeInvoices() {
        JsonNode old = client.createContact("Ridgeway Plumbing");
        client.post("/Contacts?summarizeErrors=false", "{\"Contacts\":[{\"ContactID\":\"" + old.path("ContactID").asText()
                + "\",\"ContactStatus\":\"ARCHIVED\"}]}");
        client.createContact("Ridgeway Plumbing");

        HttpResponse<String> invoice = client.put("/Invoices?summarizeErrors=false", "{\"Invoices\":[{\"Type\":\"ACCREC\",\"Contact\":{\"ContactID\":\""
                + old.path("ContactID").asText() + "\"},\"LineItems\":[{\"Description\":\"x\",\"UnitAmount\":10,\"AccountCode\":\"200\"}]}]}");
        JsonNode element = SandboxClient.json(invoice).path("Invoices").path(0);
        assertThat(element.path("StatusAttributeString").asText()).isEqualTo("ERROR");
        assertThat(element.path("ValidationErrors").path(0).path("Message").asText()).contains("archived");
    }

    @Test
    void contactWithoutNameIsRefused() {
        HttpResponse<String> response = client.put("/Contacts?summarizeErrors=false", "{\"Contacts\":[{\"EmailAddress\":\"a@b.example\"}]}");
        assertThat(SandboxClient.json(response).path("Contacts").path(0).path("ValidationErrors").path(0).path("Message").asText())
                .isEqualTo("Contact Name cannot be empty.");
        assertThat(sandbox.documents("Contacts")).isEmpty();
    }

    @Test
    void itemCodeIsRequiredUniqueAndAtMostThirtyCharactersAndNameAtMostFifty() {
        client.create("Items", "{\"Code\":\"PUMP-01\",\"Name\":\"Sump pump\",\"SalesDetails\":{\"UnitPrice\":450.00,\"AccountCode\":\"200\"}}");
        HttpResponse<String> response = client.put("/Items?summarizeErrors=false", "{\"Items\":["
                + "{\"Code\":\"PUMP-01\",\"Name\":\"Duplicate\"},"
                + "{\"Code\":\"" + "X".repeat(31) + "\",\"Name\":\"Too long a code\"},"
                + "{\"Code\":\"VALVE\",\"Name\":\"" + "N".repeat(51) + "\"},"
                + "{\"Name\":\"No code\"}]}");
        JsonNode items = SandboxClient.json(response).path("Items");
        assertThat(items.findValuesAsText("StatusAttributeString")).containsOnly("ERROR");
        assertThat(items.path(0).path("ValidationErrors").path(0).path("Message").asText()).contains("already exists");
        assertThat(items.path(1).path("ValidationErrors").path(0).path("Message").asText()).contains("30 characters");
        assertThat(items.path(2).path("ValidationErrors").path(0).path("Message").asText()).contains("50 characters");
        assertThat(items.path(3).path("ValidationErrors").path(0).path("Message").asText()).contains("must be specified");
        assertThat(sandbox.documents("Items")).hasSize(1);
    }

    @Test
    void postWithAnItemCodeUpdatesThatItem() {
        client.create("Items", "{\"Code\":\"PUMP-01\",\"Name\":\"Sump pump\"}");
        client.post("/Items?summarizeErrors=false", "{\"Items\":[{\"Code\":\"PUMP-01\",\"Name\":\"Sump pump 2\"}]}");
        assertThat(sandbox.documents("Items")).singleElement()
                .satisfies(i -> assertThat(i.path("Name").asText()).isEqualTo("Sump pump 2"));
    }

    @Test
    void unknownFieldsAreDroppedSilentlyAsXeroDoes() {
        JsonNode created = client.create("Contacts", "{\"Name\":\"Ridgeway Plumbing\",\"Nmae\":\"typo\"}");
        assertThat(created.has("Nmae")).isFalse();
        assertThat(sandbox.documents("Contacts").get(0).has("Nmae")).isFalse();
    }
}
