package io.fieldsync.xero;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
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
        if (response.statusCode() == 401) {
            tokens.unauthorised();
        }
        return read(json, url, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body());
    }

    /**
     * Xero's answer as JSON, or an exception saying what came instead, with Xero's status: an
     * error, a web page (a gateway's or an outage page), an answer cut off on the way, nothing.
     * Anything else JSON holds (fields this version does not know, pre-1970 dates) is read as it is.
     */
    static JsonNode read(ObjectMapper json, String url, int status, String contentType, String body) {
        boolean html = XeroErrors.isHtml(body, contentType);
        if (status == 404 && !html) {
            throw new XeroNotFoundException("Xero answered HTTP 404 to GET " + url + ": " + XeroErrors.summary(body));
        }
        if (status != 200) {
            throw new XeroAnswerException("Xero answered HTTP " + status + " to GET " + url + ": "
                    + (html ? "an HTML page, not JSON (a gateway's or an outage page): \"" + XeroErrors.pageText(body) + "\""
                    : XeroErrors.summary(body)));
        }
        String answer = "Xero's answer (HTTP 200) to GET " + url;
        if (body == null || body.isBlank()) {
            throw new XeroAnswerException(answer + " is empty");
        }
        if (html) {
            throw new XeroAnswerException(answer + " is an HTML page, not JSON: \"" + XeroErrors.pageText(body) + "\"");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            boolean cutOff = e instanceof JsonEOFException
                    || (where != null && where.getCharOffset() >= body.stripTrailing().length() - 1);
            throw new XeroAnswerException(answer + (cutOff
                    ? " breaks off after " + body.length() + " characters, before its JSON ends (cut off on the way): "
                    : " is not JSON (" + e.getOriginalMessage() + "): ") + XeroErrors.summary(body), e);
        }
    }
}
