package io.fieldsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What the console shows of runs: the progress of a running run, a run's timeline of steps, and
 * the runs per day for the history plot.
 */
class SyncProgressIT extends MariaDbIntegrationTest {

    @Test
    @SuppressWarnings("unchecked")
    void aRunHeldInItsInvoicePushShowsTheStepTheEntityAndTheRecordsDoneAndNoProgressOnceItEnds() {
        startFresh();
        sandbox.faults().on("POST", "/Invoices").delay(Duration.ofSeconds(3));
        long id = ((Number) asOperator().postForEntity("/api/syncs", null, Map.class).getBody().get("id")).longValue();

        Map<String, Object> progress = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> run = asViewer().getForObject("/api/syncs/" + id, Map.class);
            assertThat(run.get("status")).as("the run is held, not ended").isEqualTo("RUNNING");
            progress = (Map<String, Object>) run.get("progress");
            if (progress != null && "invoice".equals(progress.get("entity"))) {
                break;
            }
            sleep(100);
        }
        assertThat(progress).as("progress while the invoices are held").isNotNull().containsEntry("entity", "invoice");
        assertThat(progress).containsEntry("step", "push");
        assertThat(((Number) progress.get("done")).longValue()).as("contacts and items done before the invoices").isPositive();
        assertThat(((Number) progress.get("recordsPerSecond")).doubleValue()).isPositive();
        List<Map<String, Object>> history = asViewer().getForObject("/api/syncs?limit=5", List.class);
        assertThat(history.get(0)).containsEntry("id", (int) id);
        assertThat((Map<String, Object>) history.get(0).get("progress")).containsEntry("entity", "invoice");

        sandbox.faults().clear();
        Map<String, Object> ended = awaitEnd(id);

        assertThat(ended.get("status")).as("the sample's known failures aside, it ran to its end")
                .isIn("SUCCEEDED", "COMPLETED_WITH_ERRORS");
        assertThat(ended).doesNotContainKey("progress");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRunAnotherNodeRunsShowsItsLatestStepAndRecordsDoneFromTheStateStore() {
        startFresh();
        long tenant = state.queryForObject("select id from xero_tenant", Long.class);
        java.sql.Timestamp aMinuteAgo = java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60));
        state.update("insert into sync_run (tenant_ref, status, run_trigger, requested_by, node_id, started_at, heartbeat_at)"
                + " values (?, 'RUNNING', 'MANUAL', 'operator', 'another-node', ?, ?)", tenant, aMinuteAgo,
                java.sql.Timestamp.from(java.time.Instant.now()));
        long id = state.queryForObject("select max(id) from sync_run", Long.class);
        try {
            state.update("insert into sync_run_step (run_id, position, step, entity, started_at, finished_at, synced)"
                    + " values (?, 1, 'push', 'contact', ?, ?, 40)", id, aMinuteAgo, aMinuteAgo);
            state.update("insert into sync_run_step (run_id, position, step, entity, started_at) values (?, 2, 'push', 'invoice', ?)",
                    id, aMinuteAgo);
            state.update("insert into sync_run_count (run_id, entity, status, record_count) values (?, 'contact', 'SYNCED', 40),"
                    + " (?, 'invoice', 'FAILED', 20), (?, 'invoice', 'PENDING', 50)", id, id, id);

            Map<String, Object> run = asViewer().getForObject("/api/syncs/" + id, Map.class);

            Map<String, Object> progress = (Map<String, Object>) run.get("progress");
            assertThat(progress).containsEntry("step", "push").containsEntry("entity", "invoice")
                    .containsEntry("done", 60).doesNotContainKeys("total", "secondsLeft");
            assertThat(((Number) progress.get("recordsPerSecond")).doubleValue()).as("60 records in about a minute")
                    .isBetween(0.5, 1.0);
        } finally {
            state.update("delete from sync_run_count where run_id = ?", id);
            state.update("delete from sync_run_step where run_id = ?", id);
            state.update("delete from sync_run where id = ?", id);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRunsTimelineListsItsStepsInOrderWithTimesAndTheOutcomesOfTheRun() {
        startFresh();
        Map<String, Object> run = syncToEnd();

        List<Map<String, Object>> timeline = asViewer().getForObject("/api/syncs/" + run.get("id") + "/timeline", List.class);

        List<String> steps = timeline.stream().map(s -> s.get("step") + " " + s.get("entity")).toList();
        assertThat(steps).containsSubsequence("push contact", "push item", "push invoice", "push payment");
        assertThat(steps).contains("pull contact");
        assertThat(steps.indexOf("pull contact")).isLessThan(steps.indexOf("push contact"));
        String previousStart = "";
        for (Map<String, Object> step : timeline) {
            assertThat(step).containsKeys("startedAt", "finishedAt", "synced", "failed", "skipped");
            assertThat(step.get("startedAt").toString()).isGreaterThanOrEqualTo(previousStart);
            assertThat(step.get("finishedAt").toString()).isGreaterThanOrEqualTo(step.get("startedAt").toString());
            previousStart = step.get("startedAt").toString();
        }
        Map<String, Map<String, Integer>> counts = (Map<String, Map<String, Integer>>) run.get("counts");
        for (String outcome : List.of("synced", "failed", "skipped")) {
            int ofRun = counts.values().stream().mapToInt(c -> c.get(outcome)).sum();
            int ofSteps = timeline.stream().mapToInt(s -> ((Number) s.get(outcome)).intValue()).sum();
            assertThat(ofSteps).as(outcome + " over the steps").isEqualTo(ofRun);
        }
        Map<String, Object> invoices = timeline.stream().filter(s -> "push invoice".equals(s.get("step") + " " + s.get("entity")))
                .findFirst().orElseThrow();
        assertThat(invoices.get("synced")).isEqualTo(counts.get("invoice").get("synced"));
        assertThat(counts.get("invoice").get("synced")).isPositive();
    }

    @Test
    void theTimelineOfARunThatDoesNotExistIsNotFound() {
        ResponseEntity<Map> missing = asViewer().getForEntity("/api/syncs/987654321/timeline", Map.class);

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody()).containsKey("error");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDailyHistoryHasEveryDayOldestFirstWithTodaysRunsAndOutcomes() {
        startFresh();
        Map<String, Object> first = syncToEnd();
        Map<String, Object> second = syncToEnd();

        List<Map<String, Object>> days = asViewer().getForObject("/api/syncs/daily?days=30", List.class);

        assertThat(days).hasSize(30);
        LocalDate today = LocalDate.now(ZoneOffset.UTC); // the tests' schedule zone
        assertThat(days.get(29)).containsEntry("day", today.toString());
        assertThat(days.get(0)).containsEntry("day", today.minusDays(29).toString()).containsEntry("runs", 0)
                .containsEntry("synced", 0);
        assertThat(days.get(29)).containsEntry("runs", 2);
        for (String outcome : List.of("synced", "failed", "skipped")) {
            int ofRuns = total(first, outcome) + total(second, outcome);
            assertThat(((Number) days.get(29).get(outcome)).intValue()).as(outcome).isEqualTo(ofRuns);
        }
        assertThat(total(first, "synced")).isPositive();
    }

    @Test
    void aDailyHistoryOfNoDaysOrMoreThanAYearIsRefused() {
        for (String days : List.of("0", "367", "-1")) {
            ResponseEntity<Map> refused = asViewer().getForEntity("/api/syncs/daily?days=" + days, Map.class);

            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).containsEntry("field", "days");
        }
        assertThat(asViewer().getForEntity("/api/syncs/daily?days=366", List.class).getBody()).hasSize(366);
    }

    @SuppressWarnings("unchecked")
    private static int total(Map<String, Object> run, String outcome) {
        return ((Map<String, Map<String, Integer>>) run.get("counts")).values().stream().mapToInt(c -> c.get(outcome)).sum();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
