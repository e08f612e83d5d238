package io.fieldsync.xero;

import java.time.Instant;

/** A daily-limit failure for route tests outside this package (its constructors are the rate governor's). */
public final class DailyLimits {

    private DailyLimits() {
    }

    public static DailyLimitReachedException reached() {
        return DailyLimitReachedException.budgetUsed("tenant-1", 5000, 5000, 0, Instant.parse("2026-12-08T00:00:00Z"));
    }
}
