package io.fieldsync.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fieldsync.state.SyncRun;
import org.junit.jupiter.api.Test;

/** The text a person reads: failed records grouped by entity in sync order, Xero's messages, links, counts. */
class RunReportsTest {

    private final RunReports reports = new RunReports();

    @Test
    void errorReportGroupsFailedRecordsByEntityWithXerosMessagesAndLinks() {
        SyncRun run = run(17, SyncRun.Status.COMPLETED_WITH_ERRORS, null);
        RunFindings findings = new RunFindings(run, Map.of(
                "contact", Map.of("SYNCED", 39, "FAILED", 1),
                "invoice", Map.of("SYNCED", 226, "FAILED", 2)), List.of(
                new FailedRecord("invoice", 45, "INV-0045", "Line 2: FSM tax code MIX5 has no Xero tax type", 1,
                        "https://go.xero.com/app/!xkcD/invoicing/view/8f0e"),
                new FailedRecord("invoice", 51, null, "Line 1: FSM tax code MIX5 has no Xero tax type", 3, null),
                new FailedRecord("contact", 12, null, "The contact name Lachlan Ryan is already assigned to another contact.", 1, null)),
                3);

        RunReports.Message report = reports.errorReport(findings);

        assertThat(report.subject()).isEqualTo("FieldSync run 17: 3 records failed");
        assertThat(report.body()).isEqualTo("""
                Sync run 17 (MANUAL, started by operator) ended COMPLETED_WITH_ERRORS at 2026-11-22T08:15:00Z.

                3 records failed. Each shows Xero's message and, where Xero has the record, the link that opens it.

                contact (1 failed)
                  - contact 12: The contact name Lachlan Ryan is already assigned to another contact.
                    not in Xero yet

                invoice (2 failed)
                  - invoice 45 (INV-0045): Line 2: FSM tax code MIX5 has no Xero tax type
                    https://go.xero.com/app/!xkcD/invoicing/view/8f0e
                  - invoice 51: Line 1: FSM tax code MIX5 has no Xero tax type
                    not in Xero yet
                    failed on 3 runs in a row
                """);
    }

    @Test
    void errorReportCountsTheFailedRecordsItDoesNotList() {
        SyncRun run = run(18, SyncRun.Status.FAILED, "Xero answered HTTP 503 to a Contacts batch");
        RunFindings findings = new RunFindings(run, Map.of("invoice", Map.of("FAILED", 250)),
                List.of(new FailedRecord("invoice", 1, null, "bad", 1, null)), 250);

        RunReports.Message report = reports.errorReport(findings);

        assertThat(report.body())
                .contains("250 records failed")
                .contains("invoice (250 failed)")
                .contains("... and 249 more: GET /api/records?status=FAILED lists them all.")
                .contains("The run's own message: Xero answered HTTP 503 to a Contacts batch");
    }

    @Test
    void syncReportCountsEveryEntityAndStatusInSyncOrder() {
        SyncRun run = run(19, SyncRun.Status.SUCCEEDED, null);
        Map<String, Map<String, Integer>> counts = new java.util.TreeMap<>(RunReports.ENTITY_ORDER);
        counts.put("invoice", ordered("SKIPPED", 4, "SYNCED", 10));
        counts.put("contact", ordered("SYNCED", 40));
        counts.put("vendor", ordered("SYNCED", 7, "FAILED", 0));

        RunReports.Message report = reports.syncReport(new RunFindings(run, counts, List.of(), 0));

        assertThat(report.subject()).isEqualTo("FieldSync run 19 SUCCEEDED");
        assertThat(report.body()).isEqualTo("""
                Sync run 19 (MANUAL, started by operator) ended SUCCEEDED at 2026-11-22T08:15:00Z.

                contact: 40 synced
                vendor: 7 synced, 0 failed
                invoice: 10 synced, 4 skipped
                """);
    }

    @Test
    void alertsSayWhatHappenedAndWhatToDo() {
        SyncRun run = run(20, SyncRun.Status.FAILED, "Xero refused the token request (HTTP 401): invalid_client");

        RunReports.Message alert = reports.alert(AlertConditions.RECONNECT_NEEDED, run);

        assertThat(alert.subject()).isEqualTo("FieldSync alert: Xero refused FieldSync's connection: reconnect needed");
        assertThat(alert.body()).contains("Sync run 20", "Reason: Xero refused the token request (HTTP 401): invalid_client",
                "fieldsync.xero.client-id");
    }

    @Test
    void recordsFailingAlertNamesEachRecordAndHowOftenItFailed() {
        SyncRun run = run(21, SyncRun.Status.COMPLETED_WITH_ERRORS, null);

        RunReports.Message alert = reports.recordsFailing(List.of(
                new FailedRecord("invoice", 17, null, "Account code '999' is not a valid code", 3, null)), run);

        assertThat(alert.subject()).isEqualTo("FieldSync alert: invoice 17 keeps failing");
        assertThat(alert.body()).contains("invoice 17, failed on 3 runs: Account code '999' is not a valid code");
    }

    private static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }

    static SyncRun run(long id, SyncRun.Status status, String message) {
        SyncRun run = mock(SyncRun.class);
        when(run.getId()).thenReturn(id);
        when(run.getStatus()).thenReturn(status);
        when(run.getTrigger()).thenReturn(SyncRun.Trigger.MANUAL);
        when(run.getRequestedBy()).thenReturn("operator");
        when(run.getFinishedAt()).thenReturn(Instant.parse("2026-11-22T08:15:00Z"));
        when(run.getMessage()).thenReturn(message);
        when(run.getTenantRef()).thenReturn(1L);
        return run;
    }
}
