package io.fieldsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What a run did, as Prometheus scrapes it from {@code /actuator/prometheus}: the records counters
 * agree with the run's counts, Xero's calls and 429s are counted, the day's calls left go down.
 */
class MetricsIT extends MariaDbIntegrationTest {

    /** One sample line: name, labels, value. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\S+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @BeforeEach
    void freshStart() {
        startFresh();
    }

    @Test
    void recordCountersMoveByTheRunsCountsPerEntityAndOutcome() {
        Scrape before = scrape();

        Map<String, Object> run = syncToEnd();

        Scrape after = scrape();
        Map<?, ?> counts = (Map<?, ?>) run.get("counts");
        assertThat(counts).isNotEmpty();
        int compared = 0;
        for (Map.Entry<?, ?> entity : counts.entrySet()) {
            for (Map.Entry<?, ?> outcome : ((Map<?, ?>) entity.getValue()).entrySet()) {
                Map<String, String> series = Map.of("entity", entity.getKey().toString(),
                        "status", outcome.getKey().toString().toUpperCase(Locale.ROOT));
                assertThat(after.sum("fieldsync_records_total", series) - before.sum("fieldsync_records_total", series))
                        .as("fieldsync_records_total%s", series)
                        .isEqualTo(((Number) outcome.getValue()).doubleValue());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(3);
        assertThat(after.sum("fieldsync_records_total", Map.of("entity", "contact", "status", "SYNCED"))
                - before.sum("fieldsync_records_total", Map.of("entity", "contact", "status", "SYNCED"))).isPositive();

        Map<String, String> thisRun = Map.of("trigger", "MANUAL", "status", run.get("status").toString());
        assertThat(after.sum("fieldsync_sync_runs_total", thisRun) - before.sum("fieldsync_sync_runs_total", thisRun)).isEqualTo(1.0);
        assertThat(after.sum("fieldsync_sync_duration_seconds_count", thisRun)
                - before.sum("fieldsync_sync_duration_seconds_count", thisRun)).isEqualTo(1.0);
        assertThat(after.sum("fieldsync_sync_last_completed_seconds", Map.of()))
                .isGreaterThanOrEqualTo(System.currentTimeMillis() / 1000.0 - 300);

        Map<String, String> contactWrites = Map.of("method", "POST", "endpoint", "Contacts", "status", "200", "outcome", "ok");
        assertThat(after.sum("fieldsync_xero_calls_total", contactWrites) - before.sum("fieldsync_xero_calls_total", contactWrites))
                .isPositive();
        assertThat(after.sum("fieldsync_xero_calls_total", Map.of("method", "GET"))
                - before.sum("fieldsync_xero_calls_total", Map.of("method", "GET"))).isPositive();
        double remaining = after.sum("fieldsync_xero_daily_remaining", Map.of());
        assertThat(remaining).isPositive().isLessThan(100_000); // the integration tests' per-day limit
        assertThat(after.sum("fieldsync_xero_daily_limit", Map.of())).isEqualTo(100_000);
        assertThat(after.sum("fieldsync_xero_calls_in_flight", Map.of())).isZero();
    }

    @Test
    void a429IsCountedByTheLimitXeroNamed() {
        sandbox.faults().on("POST", "/Contacts").times(1).rateLimited(1);
        Scrape before = scrape();

        Map<String, Object> run = syncToEnd();

        Scrape after = scrape();
        assertThat(run.get("status")).isIn("SUCCEEDED", "COMPLETED_WITH_ERRORS");
        Map<String, String> minute = Map.of("limit", "minute");
        assertThat(after.sum("fieldsync_xero_rate_limited_total", minute) - before.sum("fieldsync_xero_rate_limited_total", minute))
                .isEqualTo(1.0);
        Map<String, String> refused = Map.of("method", "POST", "endpoint", "Contacts", "status", "429", "outcome", "rate_limited");
        assertThat(after.sum("fieldsync_xero_calls_total", refused) - before.sum("fieldsync_xero_calls_total", refused))
                .isEqualTo(1.0);
    }

    @Test
    void metricsNeedTheOperatorLogin() {
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private Scrape scrape() {
        ResponseEntity<String> answer = asOperator().getForEntity("/actuator/prometheus", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return new Scrape(answer.getBody());
    }

    /** One scrape of /actuator/prometheus, read as Prometheus would. */
    private static final class Scrape {
        private final Map<String, Map<Map<String, String>, Double>> samples = new HashMap<>();

        Scrape(String text) {
            for (String line : text.split("\n")) {
                Matcher sample = SAMPLE.matcher(line.trim());
                if (line.startsWith("#") || !sample.matches()) {
                    continue;
                }
                Map<String, String> labels = new HashMap<>();
                if (sample.group(2) != null) {
                    Matcher label = LABEL.matcher(sample.group(2));
                    while (label.find()) {
                        labels.put(label.group(1), label.group(2));
                    }
                }
                samples.computeIfAbsent(sample.group(1), n -> new HashMap<>()).put(labels, Double.parseDouble(sample.group(3)));
            }
        }

        /** The sum of the series of this name carrying all these labels (0 when there is none). */
        double sum(String name, Map<String, String> labels) {
            return samples.getOrDefault(name, Map.of()).entrySet().stream()
                    .filter(series -> series.getKey().entrySet().containsAll(labels.entrySet()))
                    .mapToDouble(Map.Entry::getValue).sum();
        }
    }
}
