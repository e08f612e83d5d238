package io.fieldsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.fieldsync.testing.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * How long the console's pages take to answer with a state store of a business that has run for
 * a while: 100,000 records with an outcome and 1,000 runs (MariaDB, the whole connector, Chromium).
 * For each page: the time from navigation until its last API call of the first load answered
 * (the browser's Resource Timing), the median of five loads; and each API call the pages make,
 * the median of five calls. Run on demand:
 * {@code mvn -B -ntp verify -Dtest=NONE -Dit.test=ConsolePagesBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * results on stdout and in {@code target/console-pages-benchmark.md}.
 */
class ConsolePagesBenchmark extends BrowserIntegrationTest {

    private static final int RECORDS = Integer.getInteger("bench.console.records", 100_000);
    private static final int RUNS = Integer.getInteger("bench.console.runs", 1_000);
    private static final String[] PAGES = System.getProperty("bench.console.pages", "index.html,runs.html,records.html,"
            + "records.html?status=FAILED,matching.html,connection.html,settings.html,reports.html").split(",");
    private static final String[] CALLS = System.getProperty("bench.console.calls", "/api/syncs?limit=50,/api/syncs/daily?days=30,"
            + "/api/xero/budget,/api/records?size=50,/api/records?status=FAILED&size=50,"
            + "/api/records?entity=invoice&status=SYNCED&size=50&page=100,/api/records?q=tax&size=50,/api/dead-letters,"
            + "/api/settings,/api/xero/connection").split(",");

    @Test
    void pagesAnswerWithAHundredThousandRecordsAndAThousandRuns() throws Exception {
        startFresh();
        syncToEnd(); // the organisation's row, and a real run among the made-up ones
        long tenant = state.queryForObject("select id from xero_tenant", Long.class);
        seedRuns(tenant);
        seedRecords(tenant);
        assertThat(state.queryForObject("select count(*) from record_status", Integer.class)).isGreaterThanOrEqualTo(RECORDS);
        assertThat(state.queryForObject("select count(*) from sync_run", Integer.class)).isGreaterThan(RUNS);

        StringBuilder report = new StringBuilder("| what | median ms | slowest of 5 ms |\n|---|---|---|\n");
        for (String call : CALLS) {
            long[] times = new long[5];
            for (int i = 0; i < times.length; i++) {
                long start = System.nanoTime();
                ResponseEntity<String> answer = asViewer().getForEntity(call, String.class);
                times[i] = (System.nanoTime() - start) / 1_000_000;
                assertThat(answer.getStatusCode()).as(call).isEqualTo(HttpStatus.OK);
            }
            report.append(row("API " + call, times));
        }
        logInAsViewer();
        for (String page : PAGES) {
            long[] times = new long[5];
            for (int i = 0; i < times.length; i++) {
                times[i] = pageAnswered(page);
            }
            report.append(row("page " + page, times));
        }
        String text = "Console pages with " + state.queryForObject("select count(*) from record_status", Integer.class)
                + " records and " + state.queryForObject("select count(*) from sync_run", Integer.class) + " runs\n\n" + report;
        System.out.println(text);
        Files.writeString(Path.of("target", "console-pages-benchmark.md"), text);
    }

    /** Milliseconds from navigation until the last API call the page made while loading had its answer. */
    private long pageAnswered(String page) throws InterruptedException {
        browser().get(url("/" + page));
        JavascriptExecutor script = (JavascriptExecutor) browser();
        long lastCount = -1;
        for (int quiet = 0, waited = 0; quiet < 8; waited++) { // until no new call for 0.8 s (pages that poll do so every 2 s)
            if (waited > 300) {
                throw new IllegalStateException(page + " made no API call, or never stopped, within 30 s");
            }
            Thread.sleep(100);
            long count = ((Number) script.executeScript(
                    "return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/')).length")).longValue();
            quiet = count == lastCount && count > 0 ? quiet + 1 : 0;
            lastCount = count;
        }
        Number end = (Number) script.executeScript(
                "return Math.max(...performance.getEntriesByType('resource').filter(e => e.name.includes('/api/') && e.startTime < 1500)"
                        + ".map(e => e.responseEnd))");
        return Math.round(end.doubleValue());
    }

    private void seedRuns(long tenant) {
        state.update("insert into sync_run (tenant_ref, status, run_trigger, requested_by, node_id, started_at, finished_at) "
                + "select ?, case when seq % 10 = 0 then 'COMPLETED_WITH_ERRORS' else 'SUCCEEDED' end, "
                + "case when seq % 4 = 0 then 'MANUAL' else 'SCHEDULED' end, case when seq % 4 = 0 then 'operator' else null end, 'bench', "
                + "timestamp(current_date - interval 60 day) + interval seq * 86 minute, "
                + "timestamp(current_date - interval 60 day) + interval seq * 86 minute + interval 40 second "
                + "from seq_1_to_" + RUNS, tenant);
        for (String entity : List.of("contact", "item", "invoice", "payment")) {
            for (String status : List.of("SYNCED", "FAILED", "SKIPPED")) {
                state.update("insert into sync_run_count (run_id, entity, status, record_count) "
                        + "select id, ?, ?, case ? when 'SYNCED' then 40 + id % 50 when 'FAILED' then id % 3 else id % 7 end "
                        + "from sync_run where node_id = 'bench'", entity, status, status);
            }
        }
    }

    /** Records spread over four entities and the last 30 days: most SYNCED, some FAILED with Xero's words, SKIPPED, PENDING. */
    private void seedRecords(long tenant) {
        int perEntity = RECORDS / 4;
        String[] entities = {"contact", "item", "invoice", "payment"};
        for (int e = 0; e < entities.length; e++) {
            state.update("insert into record_status (tenant_ref, entity, local_id, status, message, failure_count, synced_at, updated_at) "
                    + "select ?, ?, 1000000 + seq, "
                    + "case when seq % 20 = 0 then 'FAILED' when seq % 20 = 1 then 'SKIPPED' when seq % 50 = 2 then 'PENDING' else 'SYNCED' end, "
                    + "case when seq % 20 = 0 then concat('The TaxType code MIX5 does not exist or cannot be used for record ', seq) "
                    + "when seq % 20 = 1 then 'Draft invoices are not sent' else null end, "
                    + "case when seq % 20 = 0 then 1 else 0 end, "
                    + "case when seq % 20 > 2 then now(6) - interval (seq % 43200) minute else null end, "
                    + "now(6) - interval (seq % 43200) minute "
                    + "from seq_1_to_" + perEntity, tenant, entities[e]);
            state.update("insert into record_link (tenant_ref, entity, local_id, xero_id, xero_number, created_at, updated_at) "
                    + "select ?, ?, 1000000 + seq, concat(lpad(hex(" + e + "), 8, '0'), '-0000-4000-8000-', lpad(hex(seq), 12, '0')), "
                    + "concat('B-', seq), now(6), now(6) from seq_1_to_" + perEntity + " where seq % 20 > 2", tenant, entities[e]);
        }
    }

    private static String row(String what, long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "| %s | %d | %d |%n", what, sorted[sorted.length / 2], sorted[sorted.length - 1]);
    }
}
