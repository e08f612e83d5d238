package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** An operator connecting FieldSync to the sandbox by OAuth2, as a browser would: authorize, consent, callback, choose. */
final class OAuthDance {

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();
    private final TestRestTemplate operator;
    private final int port;

    OAuthDance(TestRestTemplate operator, int port) {
        this.operator = operator;
        this.port = port;
    }

    /** Connects, choosing {@code tenantId} when Xero lists several organisations. */
    void connectTo(String tenantId) throws Exception {
        String authorize = (String) operator.getForObject("/api/xero/connect?redirect=false", Map.class).get("authorizeUrl");
        HttpResponse<String> consent = browser.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String callback = consent.headers().firstValue("Location").orElseThrow()
                .replace("http://localhost:8080", "http://127.0.0.1:" + port);
        assertThat(callback).contains("/api/xero/callback?code=");
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(callback)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        if (!"CONNECTED".equals(json.readTree(back.body()).path("status").asText())) {
            assertThat(operator.postForEntity("/api/xero/connections/" + tenantId + "/select", null, Map.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        }
    }
}
