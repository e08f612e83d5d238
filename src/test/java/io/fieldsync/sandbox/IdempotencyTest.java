package io.fieldsync.sandbox;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyTest extends SandboxTestSupport {
    private static final String CONTACT = "{\"Contacts\":[{\"Name\":\"Ridgeway Plumbing\"}]}";

    private HttpResponse<String> putWithKey(String key, String body) {
        return client.send(client.request("/Contacts?summarizeErrors=false").header("Idempotency-Key", key)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void repeatWithTheSameKeyAndBodyReplaysTheFirstAnswerWithoutCreatingAgain() {
        HttpResponse<String> first = putWithKey("sync-42-contact-7", CONTACT);
        HttpResponse<String> repeat = putWithKey("sync-42-contact-7", CONTACT);
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(SandboxClient.json(repeat).path("Contacts").path(0).path("ContactID").asText())
                .isEqualTo(SandboxClient.json(first).path("Contacts").path(0).path("ContactID").asText());
        assertThat(sandbox.documents("Contacts")).hasSize(1);
    }

    @Test
    void onceTheReplayWindowHasPassedARepeatIsANewRequest() {
        putWithKey("sync-42-contact-7", CONTACT);
        sandbox.forgetIdempotencyKeys();

        HttpResponse<String> repeat = putWithKey("sync-42-contact-7", CONTACT);

        assertThat(repeat.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(SandboxClient.json(repeat).path("Contacts").path(0).path("ValidationErrors").path(0).path("Message").asText())
                .contains("already assigned to another contact");
        assertThat(sandbox.documents("Contacts")).hasSize(1);
    }

    @Test
    void sameKeyWithADifferentBodyIsA400() {
        putWithKey("sync-42-contact-7", CONTACT);
        HttpResponse<String> other = putWithKey("sync-42-contact-7", "{\"Contacts\":[{\"Name\":\"Harbour Electrical\"}]}");
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(sandbox.documents("Contacts")).hasSize(1);
    }

    @Test
    void keyLongerThan128CharactersIsA400AndChangesNothing() {
        HttpResponse<String> response = putWithKey("k".repeat(129), CONTACT);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(sandbox.documents("Contacts")).isEmpty();
    }

    @Test
    void emptyKeyIsA400AndAContractViolation() {
        HttpResponse<String> response = putWithKey("", CONTACT);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(sandbox.documents("Contacts")).isEmpty();
        assertThat(sandbox.contractViolations()).anySatisfy(v -> assertThat(v.messages()).anyMatch(m -> m.contains("empty Idempotency-Key")));
    }

    @Test
    void withoutAKeyARepeatCreatesADuplicate() {
        client.createContact("A");
        String bill = "{\"Invoices\":[{\"Type\":\"ACCPAY\",\"Contact\":{\"Name\":\"A\"},\"LineItems\":[{\"Description\":\"x\",\"UnitAmount\":1,\"AccountCode\":\"310\"}]}]}";
        client.put("/Invoices?summarizeErrors=false", bill);
        client.put("/Invoices?summarizeErrors=false", bill);
        assertThat(sandbox.documents("Invoices")).hasSize(2);
    }
}
