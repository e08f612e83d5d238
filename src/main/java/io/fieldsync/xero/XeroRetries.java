package io.fieldsync.xero;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Tells a call worth making again from one that is not, for the {@code xero-redelivery} route
 * configuration: 429s, 5xx, no answer and unreadable answers become {@link XeroUnavailableException}s
 * it redelivers, a 401 a {@link XeroUnauthorisedException} it makes once more with a fresh token;
 * everything else goes on to the per-element results. Each outcome is what the connection status
 * shows ({@link XeroReachability}): no answer or a 5xx is Xero out of reach. When Xero says when to come
 * back (Retry-After on a 5xx), the next attempt waits at least that long, however early the
 * exponential back-off would have tried.
 */
@Component("xeroRetries")
public class XeroRetries {

    private final ObjectMapper json;
    private final XeroReachability reachability;
    private final long initialDelayMillis;
    private final long maxDelayMillis;

    @Autowired
    public XeroRetries(ObjectMapper json, XeroReachability reachability,
                       XeroClientProperties settings) {
        this(json, reachability, settings.retry().initialDelayMs(), settings.retry().maxDelayMs());
    }

    private XeroRetries(ObjectMapper json, XeroReachability reachability, long initialDelayMillis, long maxDelayMillis) {
        this.json = json;
        this.reachability = reachability;
        this.initialDelayMillis = initialDelayMillis;
        this.maxDelayMillis = maxDelayMillis;
    }

    XeroRetries(ObjectMapper json, long initialDelayMillis, long maxDelayMillis) {
        this(json, XeroReachability.notRecorded(), initialDelayMillis, maxDelayMillis);
    }

    /** No answer: refused, reset, timed out, or dropped after Xero took the request. */
    public void unreachable(Exchange exchange, IOException error) {
        XeroUnavailableException unavailable = new XeroUnavailableException("Xero cannot be reached for a "
                + collection(exchange) + " batch: " + XeroErrors.describe(error), error);
        reachability.unreachable(unavailable.getMessage());
        throw unavailable;
    }

    /** Passes an answer worth reading; throws for one worth asking again. */
    public void check(Exchange exchange) {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = exchange.getMessage().getBody(String.class);
        if (status >= 500) {
            reachability.unreachable("Xero answered HTTP " + status + " to a " + collection(exchange) + " batch");
        } else {
            reachability.answered();
        }
        if (status == 401) {
            // the route has taken the stored token as expired: the call is made once more, with a fresh one
            throw new XeroUnauthorisedException("Xero answered HTTP 401 to a " + collection(exchange) + " batch: "
                    + XeroErrors.summary(body));
        }
        if (RateGovernor.isRateLimited(status)) {
            // the governor holds every call to the organisation until Retry-After has passed
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, 0L);
            throw new XeroRateLimitedException("Xero answered 429 (" + header(exchange, RateGovernor.PROBLEM)
                    + " limit) to a " + collection(exchange) + " batch");
        }
        if (status >= 500) {
            String retryAfter = header(exchange, RateGovernor.RETRY_AFTER);
            if (retryAfter != null) {
                long asked = RateGovernor.retryAfterSeconds(retryAfter, System.currentTimeMillis()) * 1000;
                exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, Math.max(asked, backOff(exchange)));
            }
            throw new XeroUnavailableException("Xero answered HTTP " + status + " to a " + collection(exchange)
                    + " batch: " + described(exchange, body));
        }
        if (status >= 200 && status < 300 && !readable(body)) {
            // Xero may have stored the batch: asking again with the same Idempotency-Key gets its answer
            throw new XeroUnavailableException("Xero's answer to a " + collection(exchange)
                    + " batch could not be read: " + described(exchange, body));
        }
    }

    /** The delay the exponential back-off gives the coming redelivery. */
    long backOff(Exchange exchange) {
        int redeliveries = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        double delay = initialDelayMillis * Math.pow(2, Math.min(redeliveries, 30));
        return (long) Math.min(delay, maxDelayMillis);
    }

    private boolean readable(String body) {
        try {
            JsonNode answer = body == null ? null : json.readTree(body);
            return answer != null && answer.isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** A gateway's HTML page by its words, not its markup; anything else as Xero sent it, shortened. */
    private static String described(Exchange exchange, String body) {
        return XeroErrors.isHtml(body, header(exchange, "Content-Type"))
                ? "an HTML page, not JSON (a gateway's or an outage page): \"" + XeroErrors.pageText(body) + "\""
                : XeroErrors.summary(body);
    }

    private static String collection(Exchange exchange) {
        return exchange.getProperty("xeroCollection", "Xero", String.class);
    }

    private static String header(Exchange exchange, String name) {
        String value = exchange.getMessage().getHeader(name, String.class);
        return value != null ? value : exchange.getMessage().getHeader(name.toLowerCase(java.util.Locale.ROOT), String.class);
    }
}
