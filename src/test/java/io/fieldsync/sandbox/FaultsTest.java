package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import io.fieldsync.testing.Eventually;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultsTest extends SandboxTestSupport {

    @Test
    void serverErrorStormAnswersTheGivenStatusNTimesThenRecovers() {
        sandbox.faults().serverErrors(503, 2);
        assertThat(client.get("/Contacts").statusCode()).isEqualTo(503);
        assertThat(client.get("/Contacts").statusCode()).isEqualTo(503);
        assertThat(client.get("/Contacts").statusCode()).isEqualTo(200);
    }

    @Test
    void serverErrorScopedToAMethodAndPathLeavesOtherCallsAlone() {
        sandbox.faults().on("PUT", "/Invoices").times(1).serverError(500);
        assertThat(client.get("/Invoices").statusCode()).isEqualTo(200);
        HttpResponse<String> failed = client.put("/Invoices?summarizeErrors=false", "{\"Invoices\":[]}");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(SandboxClient.json(failed).path("Status").asInt()).isEqualTo(500);
        assertThat(sandbox.faults().active()).isFalse();
    }

    @Test
    void rateLimitedFaultAnswers429WithRetryAfterWithoutProcessing() {
        sandbox.faults().rateLimited(1, 7);
        HttpResponse<String> response = client.put("/Contacts?summarizeErrors=false", "{\"Contacts\":[{\"Name\":\"A\"}]}");
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(response.headers().firstValue("X-Rate-Limit-Problem")).hasValue("minute");
        assertThat(sandbox.documents("Contacts")).isEmpty();
    }

    @Test
    void delayHoldsTheAnswer() {
        sandbox.faults().on("GET", "/Organisation").times(1).delay(Duration.ofMillis(600));
        long started = System.nanoTime();
        assertThat(client.get("/Organisation").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void aHeldRequestWhoseClientGaveUpIsStillCarriedOut() {
        sandbox.faults().on("PUT", "/Contacts").times(1).delay(Duration.ofMillis(1500));
        HttpRequest.Builder impatient = client.request("/Contacts?summarizeErrors=false").timeout(Duration.ofMillis(300))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"Contacts\":[{\"Name\":\"Ridgeway Plumbing\"}]}"));

        assertThatThrownBy(() -> client.send(impatient)).isInstanceOf(UncheckedIOException.class);
        assertThat(sandbox.requestsInProgress()).isEqualTo(1);
        assertThat(sandbox.documents("Contacts")).isEmpty();

        Eventually.within(Duration.ofSeconds(10), "the held request carried out", () -> sandbox.requestsInProgress() == 0);
        assertThat(sandbox.documents("Contacts")).hasSize(1);
    }

    @Test
    void droppedResponseAfterCommitStoresTheDocumentButTheClientGetsNoAnswer() {
        sandbox.faults().on("PUT", "/Contacts").times(1).dropResponseAfterCommit();
        assertThatThrownBy(() -> client.put("/Contacts?summarizeErrors=false", "{\"Contacts\":[{\"Name\":\"Ridgeway Plumbing\"}]}"))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(sandbox.documents("Contacts")).hasSize(1);
    }

    @Test
    void droppedResponseCanBeAConnectionReset() {
        sandbox.faults().on("GET", "/Contacts").times(1).dropResponseAfterCommit(Fault.CONNECTION_RESET_BY_PEER);
        assertThatThrownBy(() -> client.get("/Contacts")).isInstanceOf(UncheckedIOException.class);
        assertThat(client.get("/Contacts").statusCode()).isEqualTo(200);
    }

    @Test
    void retryWithTheSameIdempotencyKeyAfterADroppedAnswerGetsTheFirstAnswer() {
        sandbox.faults().on("PUT", "/Contacts").times(1).dropResponseAfterCommit();
        HttpRequest.Builder request = client.request("/Contacts?summarizeErrors=false").header("Idempotency-Key", "contact-7-v1")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"Contacts\":[{\"Name\":\"Ridgeway Plumbing\"}]}"));
        assertThatThrownBy(() -> client.send(request)).isInstanceOf(UncheckedIOException.class);
        HttpResponse<String> retry = client.send(request);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(SandboxClient.json(retry).path("Contacts").path(0).path("ContactID").asText())
                .isEqualTo(sandbox.documents("Contacts").get(0).path("ContactID").asText());
        assertThat(sandbox.documents("Contacts")).hasSize(1);
    }

    @Test
    void htmlErrorPageComesInsteadOfJson() {
        sandbox.faults().onAnyApiCall().times(1).htmlErrorPage(502);
        HttpResponse<String> response = client.get("/Contacts");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void truncatedJsonCannotBeParsed() {
        client.createContact("Ridgeway Plumbing");
        sandbox.faults().on("GET", "/Contacts").times(1).truncatedJson();
        HttpResponse<String> response = client.get("/Contacts");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> SandboxClient.MAPPER.readTree(response.body())).isInstanceOf(IOException.class);
    }

    @Test
    void legacyDateAndUnknownFieldAppearOnTheFirstDocument() {
        String contact = client.createContact("Ridgeway Plumbing").path("ContactID").asText();
        client.createInvoice(contact, "FS-1", "AUTHORISED");
        client.createInvoice(contact, "FS-2", "AUTHORISED");
        sandbox.faults().on("GET", "/Invoices").legacyDateAndUnknownField();
        JsonNode invoices = SandboxClient.json(client.get("/Invoices?page=1")).path("Invoices");
        assertThat(invoices.path(0).path("Date").asText()).isEqualTo("/Date(-2208988800000+0000)/");
        assertThat(invoices.path(0).has("SandboxFutureField")).isTrue();
        assertThat(invoices.path(1).path("Date").asText()).isEqualTo("/Date(1772323200000+0000)/");
        assertThat(sandbox.documents("Invoices").get(0).path("Date").asText()).isEqualTo("/Date(1772323200000+0000)/");
    }

    @Test
    void aReplacedAnswerDoesNotSpendAnAfterProcessingSwitch() {
        client.createContact("Ridgeway Plumbing");
        sandbox.faults().on("GET", "/Contacts").times(1).serverError(500);
        sandbox.faults().on("GET", "/Contacts").times(1).truncatedJson();
        assertThat(client.get("/Contacts").statusCode()).isEqualTo(500);
        HttpResponse<String> second = client.get("/Contacts");
        assertThatThrownBy(() -> SandboxClient.MAPPER.readTree(second.body())).isInstanceOf(IOException.class);
        assertThat(SandboxClient.json(client.get("/Contacts")).path("Contacts")).hasSize(1);
    }

    @Test
    void clearTurnsEverySwitchOff() {
        sandbox.faults().serverErrors(500, 100);
        sandbox.faults().on("GET", "/Contacts").truncatedJson();
        sandbox.faults().clear();
        assertThat(sandbox.faults().active()).isFalse();
        assertThat(SandboxClient.json(client.get("/Contacts")).path("Status").asText()).isEqualTo("OK");
    }

    @Test
    void identityEndpointCanBeFaultedByPath() throws Exception {
        sandbox.faults().on("POST", "^/connect/token$").times(1).serverError(503);
        HttpResponse<String> response = client.http.send(HttpRequest.newBuilder(java.net.URI.create(sandbox.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(503);
    }
}
