package io.fieldsync.sandbox;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Xero refuses documents dated on or before the organisation's lock dates. */
final class LockDates {
    private LockDates() {
    }

    static List<String> check(SandboxStore store, LocalDate documentDate) {
        List<String> errors = new ArrayList<>();
        if (documentDate == null) {
            return errors;
        }
        LocalDate period = store.lockDate("PeriodLockDate");
        if (period != null && !documentDate.isAfter(period)) {
            errors.add("The document date cannot be before the period lock date, currently set at " + XeroDates.lockDate(period));
        }
        LocalDate endOfYear = store.lockDate("EndOfYearLockDate");
        if (endOfYear != null && !documentDate.isAfter(endOfYear)) {
            errors.add("The document date cannot be before the end of year lock date, currently set at " + XeroDates.lockDate(endOfYear));
        }
        return errors;
    }
}
