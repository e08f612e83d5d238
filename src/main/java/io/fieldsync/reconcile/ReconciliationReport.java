package io.fieldsync.reconcile;

import java.time.LocalDate;
import java.util.List;

/**
 * What differs between the field-service books and Xero in a period: matched documents counted,
 * the others listed; {@code apiCalls} is how many Accounting API calls the report used.
 */
public record ReconciliationReport(LocalDate from, LocalDate to, int matched, int apiCalls, List<Difference> differences) {
}
