package io.fieldsync.xero;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * One authenticated GET to Xero from Java, with its JSON headers. Calls for an organisation go
 * through its rate governor and, after a 429, are sent again once the governor has waited; the
 * identity call that lists organisations (no tenant yet) is not an Accounting API call and is not
 * governed.
 */
@Component
public class XeroGet {

    private final XeroTokens tokens;
    private final HttpClient http;
    private final ObjectMapper json;
    private final RateGovernor governor;
    private final XeroMetrics metrics;

    public XeroGet(XeroTokens tokens, HttpClient xeroHttpClient, ObjectMapper json, RateGovernor governor,
                   XeroMetrics metrics) {
        this.tokens = tokens;
        this.http = xeroHttpClient;
        this.json = json;
        this.governor = governor;
        this.metrics = metrics;
    }

    /** GET url (query already URL-encoded) for the organisation {@code tenantId}, or with none when null. */
    public JsonNode json(String url, String tenantId) {
        return json(url, tenantId, null);
    }

    /** As {@link #json(String, String)}, asking only for what changed since {@code modifiedSince} (If-Modified-Since) when given. */
    public JsonNode json(String url, String tenantId, java.time.Instant modifiedSince) {
        while (true) {
            HttpResponse<String> response = send(url, tenantId, modifiedSince);
            if (tenantId == null || !RateGovernor.isRateLimited(response.statusCode())) {
                return answer(url, response);
            }
        }
    }

    private HttpResponse<String> send(String url, String tenantId, java.time.Instant modifiedSince) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", tokens.bearer())
                .header("Accept", "application/json")
                .GET();
        if (tenantId != null) {
            request.header("xero-tenant-id", tenantId);
        }
        if (modifiedSince != null) {
            // the contract's date-time: UTC with its Z, whole seconds (Xero compares at second precision)
            request.header("If-Modified-Since", modifiedSince.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        }
        RateGovernor.Permit permit = null;
        HttpResponse<String> response = null;
        try {
            permit = tenantId == null ? null : governor.acquire(tenantId);
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response;
        } catch (IOException e) {
            throw new XeroConnectionException("Xero cannot be reached for GET " + url + ": " + XeroErrors.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XeroConnectionException("Interrupted while reading from Xero", e);
        } finally {
            HttpResponse<String> answered = response;
            Function<String, String> header = name -> answered == null ? null : answered.headers().firstValue(name).orElse(null);
            if (permit != null) {
                governor.completed(permit, answered == null ? 0 : answered.statusCode(), header);
            }
            if (permit != null || tenantId == null) { // sent (a call refused a permit never left)
                metrics.called(tenantId, "GET", url, answered == null ? 0 : answered.statusCode(), header);
            }
        }
    }

    private JsonNode answer(String url, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new XeroAnswerException("Xero answered HTTP " + response.statusCode() + " to GET " + url
                    + ": " + XeroErrors.summary(response.body()));
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new XeroAnswerException("Xero's answer to GET " + url + " is not JSON: "
                    + XeroErrors.summary(response.body()), e);
        }
    }
}
