package io.fieldsync.xero;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Xero's side of the metrics: every answered (or unanswered) call, every 429 by the limit Xero
 * named, and per organisation the day's calls left and the calls in flight as the rate governor
 * counts them. Prometheus names: {@code fieldsync_xero_calls_total}, {@code fieldsync_xero_rate_limited_total},
 * {@code fieldsync_xero_daily_remaining}, {@code fieldsync_xero_daily_limit}, {@code fieldsync_xero_calls_in_flight}.
 */
@Component("xeroMetrics")
public class XeroMetrics {

    static final String CALLS = "fieldsync.xero.calls";
    static final String RATE_LIMITED = "fieldsync.xero.rate.limited";
    static final String DAILY_REMAINING = "fieldsync.xero.daily.remaining";
    static final String DAILY_LIMIT = "fieldsync.xero.daily.limit";
    static final String IN_FLIGHT = "fieldsync.xero.calls.in.flight";

    private static final Set<String> LIMIT_KINDS = Set.of("minute", "daily", "concurrent", "appminute");
    private static final Pattern ID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\\d+");
    private static final String API_ROOT = "/api.xro/2.0/";

    private final MeterRegistry registry;
    private final RateGovernor governor;
    private final Set<String> tenantsWatched = ConcurrentHashMap.newKeySet();

    public XeroMetrics(MeterRegistry registry, RateGovernor governor) {
        this.registry = registry;
        this.governor = governor;
    }

    /**
     * Counts one call to Xero: {@code endpoint} is a collection ("Invoices"), a path or a full URL,
     * reduced to its kind (ids and file names left out); {@code status} 0 when no answer came;
     * {@code header} reads the answer's headers (null when none). {@code tenantId} may be null for
     * the identity calls that come before an organisation is known.
     */
    public void called(String tenantId, String method, String endpoint, int status, Function<String, String> header) {
        if (tenantId != null) {
            watch(tenantId);
        }
        Counter.builder(CALLS)
                .description("Calls to Xero's API by method, endpoint kind and answer")
                .tag("method", method == null ? "unknown" : method.toUpperCase(Locale.ROOT))
                .tag("endpoint", endpointKind(endpoint))
                .tag("status", status == 0 ? "none" : Integer.toString(status))
                .tag("outcome", outcome(status))
                .register(registry)
                .increment();
        if (RateGovernor.isRateLimited(status)) {
            Counter.builder(RATE_LIMITED)
                    .description("Xero's 429 answers by the limit it named in X-Rate-Limit-Problem")
                    .tag("limit", limitKind(header))
                    .register(registry)
                    .increment();
        }
    }

    /** Registers the organisation's gauges once, read from the rate governor at every scrape. */
    private void watch(String tenantId) {
        if (!tenantsWatched.add(tenantId)) {
            return;
        }
        Gauge.builder(DAILY_REMAINING, governor, g -> g.remainingToday(tenantId))
                .description("Calls left today before Xero's daily limit, as the rate governor counts them (reserve included)")
                .tag("tenant", tenantId)
                .strongReference(true)
                .register(registry);
        Gauge.builder(DAILY_LIMIT, governor, RateGovernor::perDay)
                .description("Xero's daily call limit per organisation (fieldsync.xero.limits.per-day)")
                .tag("tenant", tenantId)
                .strongReference(true)
                .register(registry);
        Gauge.builder(IN_FLIGHT, governor, g -> g.inFlight(tenantId))
                .description("Calls to Xero started and not yet answered")
                .tag("tenant", tenantId)
                .strongReference(true)
                .register(registry);
    }

    static String outcome(int status) {
        if (status == 0) {
            return "no_answer";
        }
        if (RateGovernor.isRateLimited(status)) {
            return "rate_limited";
        }
        if (status >= 500) {
            return "server_error";
        }
        if (status >= 400) {
            return "client_error";
        }
        return "ok";
    }

    /** The limit a 429 was for, as Xero names it in X-Rate-Limit-Problem; "unknown" without it. */
    static String limitKind(Function<String, String> header) {
        if (header == null) {
            return "unknown";
        }
        String problem = header.apply("X-Rate-Limit-Problem");
        if (problem == null) {
            problem = header.apply("x-rate-limit-problem");
        }
        String kind = problem == null ? "" : problem.trim().toLowerCase(Locale.ROOT);
        return LIMIT_KINDS.contains(kind) ? kind : "unknown";
    }

    /**
     * "Invoices", "Invoices/{id}/Attachments", "connections": few enough values for a tag, whatever
     * ids, file names or query strings the call carried.
     */
    static String endpointKind(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            return "unknown";
        }
        String path = endpoint;
        if (path.contains("://")) {
            try {
                path = URI.create(path).getPath();
            } catch (IllegalArgumentException e) {
                return "unknown";
            }
            if (path == null) {
                return "unknown";
            }
            int root = path.indexOf(API_ROOT);
            path = root >= 0 ? path.substring(root + API_ROOT.length()) : path.substring(path.lastIndexOf('/') + 1);
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        List<String> kept = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            kept.add(ID.matcher(segment).matches() ? "{id}" : segment);
            if (segment.equalsIgnoreCase("Attachments")) {
                break; // the file name follows
            }
        }
        return kept.isEmpty() ? "unknown" : String.join("/", kept);
    }
}
