package io.fieldsync.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.fieldsync.runs.SyncRunEnded;
import io.fieldsync.state.SyncRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At a run's end, puts its error report, its sync report (when asked for) and the alerts its
 * end raises into the outbox. Only inserts rows: the send-alerts route mails them later, so a run
 * never waits on mail, and a failure here is logged and never changes the run.
 */
@Component
public class RunEndAlerts {

    private static final Logger log = LoggerFactory.getLogger(RunEndAlerts.class);
    private static final Set<SyncRun.Status> WITH_FAILURES = Set.of(SyncRun.Status.COMPLETED_WITH_ERRORS, SyncRun.Status.FAILED);

    private final AlertSettings settings;
    private final AlertOutbox outbox;
    private final AlertConditions conditions;
    private final RunFindingsReader findings;
    private final RunReports reports;

    public RunEndAlerts(AlertSettings settings, AlertOutbox outbox, AlertConditions conditions,
                        RunFindingsReader findings, RunReports reports) {
        this.settings = settings;
        this.outbox = outbox;
        this.conditions = conditions;
        this.findings = findings;
        this.reports = reports;
    }

    @EventListener
    public void runEnded(SyncRunEnded event) {
        SyncRun run = event.run();
        // alerts first: they are the urgent mail, and a run's report in the outbox then says its end was handled whole
        try {
            alert(run);
        } catch (RuntimeException e) {
            log.warn("The alerts of sync run {} could not be written: {}", run.getId(), e.toString());
        }
        try {
            report(run);
        } catch (RuntimeException e) {
            log.warn("The reports of sync run {} could not be written: {}", run.getId(), e.toString());
        }
    }

    private void report(SyncRun run) {
        RunFindings found = findings.of(run, settings.reportMaxRecords());
        // a failed run with no failed records has its alert; a report would say nothing more
        if (WITH_FAILURES.contains(run.getStatus()) && found.failedTotal() > 0) {
            RunReports.Message report = reports.errorReport(found);
            outbox.add(AlertKind.ERROR_REPORT, null, run.getId(), report.subject(), report.body());
        }
        if (settings.syncReport()) {
            RunReports.Message report = reports.syncReport(found);
            outbox.add(AlertKind.SYNC_REPORT, null, run.getId(), report.subject(), report.body());
        }
    }

    private void alert(SyncRun run) {
        conditions.clear(RunConditions.clearedBy(run.getStatus()));
        RunConditions.raisedBy(run.getStatus(), run.getMessage()).filter(conditions::raise).ifPresent(condition -> {
            RunReports.Message alert = reports.alert(condition, run);
            outbox.add(AlertKind.ALERT, condition, run.getId(), alert.subject(), alert.body());
            log.warn("Alert {}: {}", condition, alert.subject());
        });
        alertRecordsFailing(run);
    }

    /** One alert for the records newly due; records that stopped failing may alert afresh later. */
    private void alertRecordsFailing(SyncRun run) {
        int runs = settings.failingRuns();
        for (String key : conditions.failingRecords()) {
            String[] parts = key.substring(AlertConditions.RECORD_FAILING.length()).split(":");
            if (parts.length != 2 || !findings.stillFailing(run.getTenantRef(), parts[0], Long.parseLong(parts[1]), runs)) {
                conditions.clear(List.of(key));
            }
        }
        List<FailedRecord> due = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (FailedRecord record : findings.failingRepeatedly(run, runs)) {
            String key = AlertConditions.recordFailing(record.entity(), record.localId());
            if (conditions.raise(key)) {
                due.add(record);
                keys.add(key);
            }
        }
        if (!due.isEmpty()) {
            RunReports.Message alert = reports.recordsFailing(due, run);
            outbox.add(AlertKind.ALERT, String.join(",", keys), run.getId(), alert.subject(), alert.body());
            log.warn("Alert: {}", alert.subject());
        }
    }
}
