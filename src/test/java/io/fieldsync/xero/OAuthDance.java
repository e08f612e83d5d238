package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import javax.sql.DataSource;

import io.fieldsync.demo.FieldServiceSchema;
import io.fieldsync.demo.SampleData;
import io.fieldsync.sandbox.XeroSandbox;
import io.fieldsync.testing.IntegrationTestDatabases;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

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

    /**
     * Before the dance: the sample data, a state store with no authorisation, runs, outcomes or
     * settings changes (the organisation rows stay, unconnected), the sandbox as new, and the
     * connection's choice forgotten.
     */
    static void notConnectedYet(DataSource source, JdbcTemplate state, XeroSandbox sandbox, XeroConnection connection) {
        FieldServiceSchema.drop(source);
        FieldServiceSchema.create(source);
        new SampleData(IntegrationTestDatabases.SIZE).writeTo(source);
        for (String table : new String[] {"dead_letter", "xero_payment", "attachment_export", "sync_run_count", "sync_run_step", "sync_run",
                "record_link", "record_status", "watermark", "setting_value", "settings_change", "alert_outbox",
                "alert_condition", "xero_authorisation", "xero_authorisation_request", "xero_reachability"}) {
            state.update("delete from " + table);
        }
        state.update("update xero_tenant set sync_due_at = null, connection_id = null");
        sandbox.reset();
        connection.organisationChanged(null);
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
