package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class BatchAnswersTest extends SandboxTestSupport {
    private static final String BATCH = "{\"Contacts\":[{\"Name\":\"Ridgeway Plumbing\"},{\"EmailAddress\":\"no-name@example.com\"},{\"Name\":\"Harbour Electrical\"}]}";

    @Test
    void batchWithOneBadContactAndSummarizeErrorsFalseAnswersEveryElement() {
        HttpResponse<String> response = client.put("/Contacts?summarizeErrors=false", BATCH);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode contacts = SandboxClient.json(response).path("Contacts");
        assertThat(contacts.findValuesAsText("StatusAttributeString")).containsExactly("OK", "ERROR", "OK");
        assertThat(contacts.path(0).path("ContactID").asText()).isNotBlank();
        assertThat(contacts.path(0).path("ValidationErrors").isArray()).isTrue();
        assertThat(contacts.path(1).path("ValidationErrors").path(0).path("Message").asText()).isEqualTo("Contact Name cannot be empty.");
        assertThat(sandbox.documents("Contacts")).hasSize(2);
    }

    @Test
    void batchWithOneBadContactCreatesTheRestAndReportsOnlyTheBadOneAsA400() {
        HttpResponse<String> response = client.put("/Contacts", BATCH);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = SandboxClient.json(response);
        assertThat(body.path("ErrorNumber").asInt()).isEqualTo(10);
        assertThat(body.path("Type").asText()).isEqualTo("ValidationException");
        assertThat(body.path("Message").asText()).isEqualTo("A validation exception occurred");
        assertThat(body.path("Elements")).hasSize(1);
        assertThat(body.path("Elements").path(0).path("ValidationErrors").path(0).path("Message").asText())
                .isEqualTo("Contact Name cannot be empty.");
        // the trap: the good ones exist although the answer was a 400 without their IDs
        assertThat(sandbox.documents("Contacts")).extracting(c -> c.path("Name").asText())
                .containsExactlyInAnyOrder("Ridgeway Plumbing", "Harbour Electrical");
    }

    @Test
    void allGoodBatchWithoutSummarizeErrorsIsA200WithoutStatusAttributes() {
        HttpResponse<String> response = client.put("/Contacts", "{\"Contacts\":[{\"Name\":\"A\"},{\"Name\":\"B\"}]}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SandboxClient.json(response).path("Contacts")).hasSize(2);
    }

    @Test
    void totalThatDisagreesWithTheLinesIsIgnoredWithAWarning() {
        String contact = client.createContact("Ridgeway Plumbing").path("ContactID").asText();
        HttpResponse<String> response = client.put("/Invoices?summarizeErrors=false", "{\"Invoices\":[{\"Type\":\"ACCREC\",\"Total\":999.00,"
                + "\"Contact\":{\"ContactID\":\"" + contact + "\"},\"LineItems\":[{\"Description\":\"x\",\"UnitAmount\":100,\"AccountCode\":\"200\"}]}]}");
        JsonNode invoice = SandboxClient.json(response).path("Invoices").path(0);
        assertThat(invoice.path("StatusAttributeString").asText()).isEqualTo("WARNING");
        assertThat(invoice.path("Warnings").path(0).path("Message").asText()).contains("was ignored");
        assertThat(invoice.path("Total").decimalValue()).isEqualByComparingTo("110.00");
    }

    @Test
    void bodyThatIsNotJsonIsAPostDataInvalidException() {
        HttpResponse<String> response = client.put("/Contacts?summarizeErrors=false", "{\"Contacts\":[");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.json(response).path("Type").asText()).isEqualTo("PostDataInvalidException");
    }
}
