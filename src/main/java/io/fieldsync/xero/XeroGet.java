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
 * governed. A read meets the same redelivery as a write ({@code fieldsync.xero.retry.*}, as the
 * {@code xero-redelivery} route configuration): a 5xx, a gateway's page, no answer (timeout,
 * reset) or an unreadable answer is asked again with exponential back-off, waiting at least what
 * Retry-After asks; a read changes nothing in Xero, so asking again is always safe. Xero's own
 * refusals (4xx) are not asked again, but for a 401: the access token was refused before its
 * time, so it is refreshed and the read made once more (a refused refresh ends it, naming
 * "reconnect needed"). What each call found is what the connection status shows
 * ({@link XeroReachability}).
 */
@Component
public class XeroGet {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(XeroGet.class);

    private final XeroTokens tokens;
    private final HttpClient http;
    private final ObjectMapper json;
    private final RateGovernor governor;
    private final XeroMetrics metrics;
    private final XeroReachability reachability;
    private final int redeliveries;
    private final long initialDelayMillis;
    private final long maxDelayMillis;

    public XeroGet(XeroTokens tokens, HttpClient xeroHttpClient, ObjectMapper json, RateGovernor governor,
                   XeroMetrics metrics, XeroReachability reachability,
                   @org.springframework.beans.factory.annotation.Value("${fieldsync.xero.retry.redeliveries}") int redeliveries,
                   @org.springframework.beans.factory.annotation.Value("${fieldsync.xero.retry.initial-delay-ms}") long initialDelayMillis,
                   @org.springframework.beans.factory.annotation.Value("${fieldsync.xero.retry.max-delay-ms}") long maxDelayMillis) {
        this.redeliveries = redeliveries;
        this.initialDelayMillis = initialDelayMillis;
        this.maxDelayMillis = maxDelayMillis;
        this.tokens = tokens;
        this.http = xeroHttpClient;
        this.json = json;
        this.governor = governor;
        this.metrics = metrics;
        this.reachability = reachability;
    }

    /** GET url (query already URL-encoded) for the organisation {@code tenantId}, or with none when null. */
    public JsonNode json(String url, String tenantId) {
        return json(url, tenantId, null);
    }

    /** As {@link #json(String, String)}, asking only for what changed since {@code modifiedSince} (If-Modified-Since) when given. */
    public JsonNode json(String url, String tenantId, java.time.Instant modifiedSince) {
        int redelivery = 0;
        boolean refreshed = false;
        while (true) {
            HttpResponse<String> response;
            try {
                response = send(url, tenantId, modifiedSince);
            } catch (XeroConnectionException noAnswer) {
                if (!(noAnswer.getCause() instanceof IOException) || redelivery >= redeliveries) {
                    throw noAnswer;
                }
                pause(url, noAnswer.getMessage(), backOff(redelivery++));
                continue;
            }
            if (tenantId != null && RateGovernor.isRateLimited(response.statusCode())) {
                continue; // the governor holds this call until Retry-After has passed
            }
            if (response.statusCode() == 401 && !refreshed) {
                log.info("Xero answered 401 to GET {} ({}); refreshing the token and reading again", url,
                        XeroErrors.summary(response.body()));
                tokens.unauthorised();
                refreshed = true;
                continue;
            }
            try {
                return answer(url, response);
            } catch (XeroAnswerException failed) {
                if (!worthAnotherTry(response.statusCode()) || redelivery >= redeliveries) {
                    throw failed;
                }
                long delay = backOff(redelivery++);
                String retryAfter = response.headers().firstValue(RateGovernor.RETRY_AFTER).orElse(null);
                if (retryAfter != null) {
                    delay = Math.max(delay, RateGovernor.retryAfterSeconds(retryAfter, System.currentTimeMillis()) * 1000);
                }
                pause(url, failed.getMessage(), delay);
            }
        }
    }

    /** A 5xx, or a 200 whose body could not be read (a gateway's page, cut off, empty): Xero may answer the next time. */
    static boolean worthAnotherTry(int status) {
        return status >= 500 || status == 200;
    }

    /** The exponential back-off of {@code fieldsync.xero.retry.*} before the given redelivery (0: the first). */
    long backOff(int redelivery) {
        return (long) Math.min(initialDelayMillis * Math.pow(2, Math.min(redelivery, 30)), maxDelayMillis);
    }

    private static void pause(String url, String why, long millis) {
        log.warn("GET {} failed ({}); asking again in {} ms", url, why, millis);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XeroConnectionException("Interrupted while waiting to read from Xero again", e);
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
