package io.fieldsync.reconcile;

import java.util.EnumMap;
import java.util.Map;

import io.fieldsync.alerts.AlertKind;
import io.fieldsync.alerts.AlertOutbox;
import org.springframework.stereotype.Component;

/**
 * Puts a reconciliation report into the alert outbox, which the send-alerts route mails to the
 * alert mailing list (or keeps as an internal notification without SMTP): a summary, then the same
 * rows as the CSV.
 */
@Component("reconciliationMail")
public class ReconciliationMail {

    private final AlertOutbox outbox;
    private final ReconciliationCsv csv;

    public ReconciliationMail(AlertOutbox outbox, ReconciliationCsv csv) {
        this.outbox = outbox;
        this.csv = csv;
    }

    /** Queues the report; returns the outbox message's id. */
    public long queue(ReconciliationReport report) {
        return outbox.add(AlertKind.RECONCILIATION, null, null, subject(report), body(report));
    }

    static String subject(ReconciliationReport report) {
        int rows = report.differences().size();
        return "FieldSync reconciliation " + report.from() + " to " + report.to() + ": "
                + (rows == 0 ? "the books agree" : rows + " difference" + (rows == 1 ? "" : "s")) + ", " + report.matched() + " matched";
    }

    String body(ReconciliationReport report) {
        Map<Difference.Status, Integer> counts = new EnumMap<>(Difference.Status.class);
        report.differences().forEach(d -> counts.merge(d.status(), 1, Integer::sum));
        StringBuilder body = new StringBuilder()
                .append("Field-service books against Xero, ").append(report.from()).append(" to ").append(report.to()).append("\n\n")
                .append("Matched: ").append(report.matched()).append('\n');
        for (Difference.Status status : Difference.Status.values()) {
            body.append(status).append(": ").append(counts.getOrDefault(status, 0)).append('\n');
        }
        body.append("Xero API calls used: ").append(report.apiCalls()).append("\n\n");
        if (report.differences().isEmpty()) {
            return body.append("Nothing differs.\n").toString();
        }
        return body.append("The rows, as CSV:\n\n").append(csv.render(report).replace("\r\n", "\n")).toString();
    }
}
