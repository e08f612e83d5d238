package io.fieldsync.xero;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One authenticated GET to Xero from Java, with its JSON headers. Every read goes through the
 * {@code read-from-xero} route, so it meets the error handling of every call to Xero (the
 * {@code xero-redelivery} route configuration, as the batches do): a 5xx, a gateway's page, no
 * answer (timeout, reset) or an unreadable answer is asked again with exponential back-off,
 * waiting at least what Retry-After asks (a read changes nothing in Xero, so asking again is
 * always safe); a 429 goes again once the organisation's rate governor has waited. A 401 (the
 * access token refused before its time) is read once more at once with a refreshed token (a
 * refused refresh ends it, naming "reconnect needed"). Xero's other refusals (4xx) are not asked again. The identity
 * call that lists organisations (no tenant yet) is not an Accounting API call and is not governed.
 * What each call found is what the connection status shows ({@link XeroReachability}).
 */
@Component("xeroGet")
public class XeroGet {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(XeroGet.class);

    static final String READ_ROUTE = "direct:read-from-xero";
    static final String URL = "xeroReadUrl";
    static final String TENANT = "xeroReadTenant";
    static final String MODIFIED_SINCE = "xeroReadModifiedSince";

    private final XeroTokens tokens;
    private final HttpClient http;
    private final ObjectMapper json;
    private final RateGovernor governor;
    private final XeroMetrics metrics;
    private final XeroReachability reachability;
    private final XeroRetries retries;
    private final ObjectProvider<ProducerTemplate> camel;

    public XeroGet(XeroTokens tokens, HttpClient xeroHttpClient, ObjectMapper json, RateGovernor governor,
                   XeroMetrics metrics, XeroReachability reachability, XeroRetries retries,
                   ObjectProvider<ProducerTemplate> camel) {
        this.tokens = tokens;
        this.http = xeroHttpClient;
        this.json = json;
        this.governor = governor;
        this.metrics = metrics;
        this.reachability = reachability;
        this.retries = retries;
        this.camel = camel;
    }

    /** GET url (query already URL-encoded) for the organisation {@code tenantId}, or with none when null. */
    public JsonNode json(String url, String tenantId) {
        return json(url, tenantId, null);
    }

    /** As {@link #json(String, String)}, asking only for what changed since {@code modifiedSince} (If-Modified-Since) when given. */
    public JsonNode json(String url, String tenantId, Instant modifiedSince) {
        Map<String, Object> read = new HashMap<>();
        read.put(URL, url);
        read.put(TENANT, tenantId);
        read.put(MODIFIED_SINCE, modifiedSince);
        try {
            return camel.getObject().requestBodyAndHeaders(READ_ROUTE, null, read, JsonNode.class);
        } catch (CamelExecutionException failed) {
            throw asItWas(failed.getCause() != null ? failed.getCause() : failed);
        }
    }

    /**
     * The read's own failure, as a caller knows it: what Xero answered (or that it could not be
     * reached), not the wrapper that asked the route for another try.
     */
    private static RuntimeException asItWas(Throwable failure) {
        if (failure instanceof XeroUnavailableException && !(failure instanceof XeroRateLimitedException)
                && failure.getCause() instanceof RuntimeException original) {
            return original;
        }
        return failure instanceof RuntimeException runtime ? runtime : new XeroConnectionException(failure.getMessage(), failure);
    }

    /**
     * One GET, the {@code read-from-xero} route's step: Xero's answer as JSON, or an exception the
     * route's error handling knows (asked again: {@link XeroUnavailableException},
     * {@link XeroRateLimitedException}; not: the rest).
     */
    public JsonNode once(Exchange exchange) {
        String url = exchange.getMessage().getHeader(URL, String.class);
        String tenantId = exchange.getMessage().getHeader(TENANT, String.class);
        Instant modifiedSince = exchange.getMessage().getHeader(MODIFIED_SINCE, Instant.class);
        HttpResponse<String> response = call(url, tenantId, modifiedSince);
        if (response.statusCode() == 401) {
            // the access token was refused before its time: refreshed (by the next bearer) and read once more,
            // here rather than by redelivery, which counts every try of the exchange against its one retry
            log.info("Xero answered 401 to GET {} ({}); refreshing the token and reading again", url,
                    XeroErrors.summary(response.body()));
            tokens.unauthorised();
            response = call(url, tenantId, modifiedSince);
        }
        int status = response.statusCode();
        if (tenantId != null && RateGovernor.isRateLimited(status)) {
            // the governor holds this organisation's next call until Retry-After has passed
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, 0L);
            throw new XeroRateLimitedException("Xero answered 429 to GET " + url);
        }
        try {
            return read(json, url, status, response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (XeroAnswerException failed) {
            if (!worthAnotherTry(status)) {
                throw failed;
            }
            String retryAfter = response.headers().firstValue(RateGovernor.RETRY_AFTER).orElse(null);
            if (retryAfter != null) {
                long asked = RateGovernor.retryAfterSeconds(retryAfter, System.currentTimeMillis()) * 1000;
                exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, Math.max(asked, retries.backOff(exchange)));
            }
            throw new XeroUnavailableException(failed.getMessage(), failed);
        }
    }

    /** One GET; no answer at all (refused, reset, timed out) is worth another try. */
    private HttpResponse<String> call(String url, String tenantId, Instant modifiedSince) {
        try {
            return send(url, tenantId, modifiedSince);
        } catch (XeroConnectionException noAnswer) {
            if (noAnswer.getCause() instanceof IOException) {
                throw new XeroUnavailableException(noAnswer.getMessage(), noAnswer);
            }
            throw noAnswer;
        }
    }

    /** A 5xx, or a 200 whose body could not be read (a gateway's page, cut off, empty): Xero may answer the next time. */
    static boolean worthAnotherTry(int status) {
        return status >= 500 || status == 200;
    }

    private HttpResponse<String> send(String url, String tenantId, Instant modifiedSince) {
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
            XeroConnectionException unreachable = new XeroConnectionException("Xero cannot be reached for GET " + url + ": "
                    + XeroErrors.describe(e), e);
            reachability.unreachable(unreachable.getMessage());
            throw unreachable;
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
            if (answered != null) {
                if (answered.statusCode() >= 500) {
                    reachability.unreachable("Xero answered HTTP " + answered.statusCode() + " to GET " + url);
                } else {
                    reachability.answered();
                }
            }
        }
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
        if (status >= 400 && status < 500 && status != 401 && status != 403 && status != 429 && !html) {
            throw new XeroRefusedException("Xero answered HTTP " + status + " to GET " + url + ": " + XeroErrors.summary(body));
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
