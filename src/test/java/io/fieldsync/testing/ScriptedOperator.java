package io.fieldsync.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsync.security.CrossSiteRequests;

/** The operator as a script reaches a connector running in its own process: HTTP Basic and the header of no other site's page. */
public final class ScriptedOperator {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String password;

    public ScriptedOperator(String password) {
        this.password = password;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        String login = Base64.getEncoder().encodeToString(("operator:" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(request.header("Authorization", "Basic " + login).header(CrossSiteRequests.HEADER, CrossSiteRequests.VALUE)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The run once it is no longer RUNNING, as {@code GET /api/syncs/{id}} shows it. */
    public JsonNode awaitFinished(String base, long runId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode run = json.readTree(send(HttpRequest.newBuilder(URI.create(base + "/api/syncs/" + runId)).GET()).body());
            String status = run.path("status").asText();
            if (!status.isEmpty() && !"RUNNING".equals(status)) {
                return run;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("sync " + runId + " still running after 60 s");
    }
}
