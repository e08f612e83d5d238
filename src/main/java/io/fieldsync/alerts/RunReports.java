package io.fieldsync.alerts;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.fieldsync.state.SyncRun;
import org.springframework.stereotype.Component;

/**
 * The text of the messages a person gets: a run's error report (failed records grouped by entity,
 * with Xero's messages and links), a run's sync report (counts), and the alerts. Plain text, so
 * it reads the same in any mail client and in {@code GET /api/notifications}.
 */
@Component("runReports")
public class RunReports {

    /** Entities in the order a sync pushes them; others after, by name. */
    private static final List<String> SYNC_ORDER = List.of("contact", "vendor", "item", "invoice", "payment",
            "purchase-order", "bill", "attachment", "payment-fee", "payment-surcharge");
    static final Comparator<String> ENTITY_ORDER = Comparator
            .comparingInt((String e) -> SYNC_ORDER.contains(e) ? SYNC_ORDER.indexOf(e) : SYNC_ORDER.size())
            .thenComparing(Comparator.naturalOrder());
    private static final List<String> STATUS_ORDER = List.of("SYNCED", "FAILED", "SKIPPED", "PENDING");

    public record Message(String subject, String body) {
    }

    public Message errorReport(RunFindings findings) {
        SyncRun run = findings.run();
        StringBuilder body = new StringBuilder();
        body.append(runLine(run)).append("\n\n");
        body.append(findings.failedTotal()).append(findings.failedTotal() == 1 ? " record" : " records")
                .append(" failed. Each shows Xero's message and, where Xero has the record, the link that opens it.\n");
        Map<String, List<FailedRecord>> byEntity = findings.failed().stream()
                .collect(Collectors.groupingBy(FailedRecord::entity,
                        () -> new java.util.TreeMap<>(ENTITY_ORDER), Collectors.toList()));
        byEntity.forEach((entity, records) -> {
            int failedOfEntity = count(findings.counts(), entity, "FAILED", records.size());
            body.append('\n').append(entity).append(" (").append(failedOfEntity).append(" failed)\n");
            for (FailedRecord record : records) {
                body.append("  - ").append(entity).append(' ').append(record.localId());
                if (record.number() != null) {
                    body.append(" (").append(record.number()).append(')');
                }
                body.append(": ").append(record.message() == null ? "(no message)" : record.message().strip()).append('\n');
                body.append("    ").append(record.link() == null ? "not in Xero yet" : record.link()).append('\n');
                if (record.failureCount() > 1) {
                    body.append("    failed on ").append(record.failureCount()).append(" runs in a row\n");
                }
            }
        });
        int unlisted = findings.failedTotal() - findings.failed().size();
        if (unlisted > 0) {
            body.append("\n... and ").append(unlisted).append(" more: GET /api/records?status=FAILED lists them all.\n");
        }
        if (run.getMessage() != null) {
            body.append("\nThe run's own message: ").append(run.getMessage()).append('\n');
        }
        return new Message("FieldSync run " + run.getId() + ": " + findings.failedTotal()
                + (findings.failedTotal() == 1 ? " record" : " records") + " failed", body.toString());
    }

    public Message syncReport(RunFindings findings) {
        SyncRun run = findings.run();
        StringBuilder body = new StringBuilder(runLine(run)).append("\n\n");
        if (findings.counts().isEmpty()) {
            body.append("No records were looked at.\n");
        }
        findings.counts().forEach((entity, byStatus) -> {
            body.append(entity).append(": ");
            body.append(STATUS_ORDER.stream().filter(byStatus::containsKey)
                    .map(status -> byStatus.get(status) + " " + status.toLowerCase())
                    .collect(Collectors.joining(", ")));
            byStatus.keySet().stream().filter(s -> !STATUS_ORDER.contains(s))
                    .forEach(s -> body.append(", ").append(byStatus.get(s)).append(' ').append(s.toLowerCase()));
            body.append('\n');
        });
        if (run.getMessage() != null) {
            body.append("\nThe run's own message: ").append(run.getMessage()).append('\n');
        }
        return new Message("FieldSync run " + run.getId() + " " + run.getStatus(), body.toString());
    }

    /** An alert about a condition the run's end raised. */
    public Message alert(String condition, SyncRun run) {
        String reason = run.getMessage() == null ? "" : "\nReason: " + run.getMessage() + "\n";
        String what = switch (condition) {
            case AlertConditions.RECONNECT_NEEDED -> "Xero refused FieldSync's connection: reconnect needed";
            case AlertConditions.XERO_UNREACHABLE -> "Xero cannot be reached";
            case AlertConditions.SOURCE_DB_UNREACHABLE -> "The field-service database cannot be reached";
            case AlertConditions.STATE_DB_UNREACHABLE -> "FieldSync's state database cannot be reached";
            case AlertConditions.DAILY_LIMIT -> "Xero's daily API limit is reached";
            default -> "A sync run failed";
        };
        String todo = switch (condition) {
            case AlertConditions.RECONNECT_NEEDED -> "Check fieldsync.xero.client-id and client-secret, and that the"
                    + " Xero connection (custom connection or app) is still authorised for the organisation; with"
                    + " fieldsync.xero.grant=authorization_code an operator reconnects at /api/xero/connect.";
            case AlertConditions.XERO_UNREACHABLE -> "Check this node's network path to Xero (api.xero.com and"
                    + " identity.xero.com: proxy, firewall, DNS) and https://status.developer.xero.com."
                    + " GET /api/xero/connection says since when and why. Nothing was sent twice: the next run"
                    + " resumes from the watermarks.";
            case AlertConditions.SOURCE_DB_UNREACHABLE -> "Check that the field-service database is up and that"
                    + " fieldsync.source.url, username and password are right.";
            case AlertConditions.STATE_DB_UNREACHABLE -> "Check that FieldSync's state database (spring.datasource.url)"
                    + " is up. Nothing was lost: the next run resumes from the watermarks and looks up in Xero the"
                    + " records whose answer could not be written, so none is created twice.";
            case AlertConditions.DAILY_LIMIT -> "Records not sent yet go in the next run once Xero's daily budget"
                    + " resets; look for what used the budget (a sync loop, another app on the organisation).";
            default -> "See the reason below and GET /api/syncs/" + run.getId() + ".";
        };
        String body = what + ".\n\n" + runLine(run) + "\n" + reason + "\n" + todo + "\n\n"
                + "This alert is repeated while the condition lasts, at most once per fieldsync.alerts.repeat-after.\n";
        return new Message("FieldSync alert: " + what, body);
    }

    /** An alert listing records that have failed on several runs in a row. */
    public Message recordsFailing(List<FailedRecord> records, SyncRun run) {
        StringBuilder body = new StringBuilder();
        body.append(records.size()).append(records.size() == 1 ? " record has" : " records have")
                .append(" failed on several sync runs in a row and needs a person:\n\n");
        for (FailedRecord record : records) {
            body.append("  - ").append(record.entity()).append(' ').append(record.localId())
                    .append(", failed on ").append(record.failureCount()).append(" runs: ")
                    .append(record.message() == null ? "(no message)" : record.message().strip()).append('\n');
        }
        body.append('\n').append(runLine(run)).append("\n\nFix the record in the field-service system (or the"
                + " setting Xero's message points at); it is sent again once it changes, or with"
                + " POST /api/records/{entity}/{localId}/resync.\n");
        String subject = records.size() == 1
                ? "FieldSync alert: " + records.get(0).entity() + " " + records.get(0).localId() + " keeps failing"
                : "FieldSync alert: " + records.size() + " records keep failing";
        return new Message(subject, body.toString());
    }

    private static String runLine(SyncRun run) {
        return "Sync run " + run.getId() + " (" + run.getTrigger()
                + (run.getRequestedBy() == null ? "" : ", started by " + run.getRequestedBy()) + ") ended "
                + run.getStatus() + (run.getFinishedAt() == null ? "" : " at " + run.getFinishedAt()) + ".";
    }

    private static int count(Map<String, Map<String, Integer>> counts, String entity, String status, int fallback) {
        Integer n = counts.getOrDefault(entity, Map.of()).get(status);
        return n == null ? fallback : n;
    }
}
