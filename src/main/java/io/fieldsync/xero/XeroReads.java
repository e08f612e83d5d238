package io.fieldsync.xero;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Small reads from Xero that Java needs (tax rates, look-ups before a create): one GET, with the
 * token, the organisation and Xero's JSON headers.
 */
@Component("xeroReads")
public class XeroReads {

    private final XeroSettings settings;
    private final XeroTokens tokens;
    private final XeroConnection connection;
    private final HttpClient http;
    private final ObjectMapper json;
    private final RateGovernor governor;

    public XeroReads(XeroSettings settings, XeroTokens tokens, XeroConnection connection, HttpClient xeroHttpClient,
                     ObjectMapper json, RateGovernor governor) {
        this.governor = governor;
        this.settings = settings;
        this.tokens = tokens;
        this.connection = connection;
        this.http = xeroHttpClient;
        this.json = json;
    }

    /**
     * GET {api-url}/{pathAndQuery}; the query must already be URL-encoded. Within the
     * organisation's rate limits: after a 429 the same GET goes again once the governor has waited.
     */
    public JsonNode get(String pathAndQuery) {
        while (true) {
            HttpResponse<String> response = send(pathAndQuery);
            if (!RateGovernor.isRateLimited(response.statusCode())) {
                return answer(pathAndQuery, response);
            }
        }
    }

    private HttpResponse<String> send(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.apiUrl() + "/" + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", tokens.bearer())
                .header("xero-tenant-id", connection.tenantId())
                .header("Accept", "application/json")
                .GET().build();
        RateGovernor.Permit permit = null;
        HttpResponse<String> response = null;
        try {
            permit = governor.acquire(connection.tenantId());
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response;
        } catch (IOException e) {
            throw new XeroConnectionException("Xero cannot be reached for GET " + pathAndQuery + ": " + XeroErrors.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XeroConnectionException("Interrupted while reading from Xero", e);
        } finally {
            if (permit != null) {
                HttpResponse<String> answered = response;
                governor.completed(permit, answered == null ? 0 : answered.statusCode(),
                        name -> answered == null ? null : answered.headers().firstValue(name).orElse(null));
            }
        }
    }

    private JsonNode answer(String pathAndQuery, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new XeroAnswerException("Xero answered HTTP " + response.statusCode() + " to GET " + pathAndQuery
                    + ": " + XeroErrors.summary(response.body()));
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new XeroAnswerException("Xero's answer to GET " + pathAndQuery + " is not JSON: "
                    + XeroErrors.summary(response.body()), e);
        }
    }
}
