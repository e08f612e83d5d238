package io.fieldsync.reconcile;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * A reconciliation without its rows: how many documents matched and how many differ, by kind of
 * difference. Any period: a year costs a page of Xero's invoices per thousand, never one call a document.
 */
public record ReconciliationSummary(LocalDate from, LocalDate to, int matched, int apiCalls, Map<Difference.Status, Integer> counts) {

    public static ReconciliationSummary of(ReconciliationReport report) {
        Map<Difference.Status, Integer> counts = new EnumMap<>(Difference.Status.class);
        for (Difference.Status status : Difference.Status.values()) {
            counts.put(status, 0);
        }
        report.differences().forEach(row -> counts.merge(row.status(), 1, Integer::sum));
        return new ReconciliationSummary(report.from(), report.to(), report.matched(), report.apiCalls(), counts);
    }
}
