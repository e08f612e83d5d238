package io.fieldsync.xero;

import java.time.Instant;

/**
 * The day's calls to one organisation are used up (or only the operators' reserve is left):
 * retrying before {@link #resetsAt()} only burns what is left, so the run stops and says when.
 */
public class DailyLimitReachedException extends XeroLimitException {

    private final String tenantId;
    private final int used;
    private final Instant resetsAt;

    DailyLimitReachedException(String message, String tenantId, int used, Instant resetsAt) {
        super(message);
        this.tenantId = tenantId;
        this.used = used;
        this.resetsAt = resetsAt;
    }

    static DailyLimitReachedException budgetUsed(String tenantId, int used, int perDay, int reserve, Instant resetsAt) {
        String kept = reserve > 0 ? ", the last " + reserve + " kept for operators" : "";
        return new DailyLimitReachedException("The daily Xero budget for organisation " + tenantId + " is used up: "
                + used + " of " + perDay + " calls used today" + kept + "; it resets at " + resetsAt, tenantId, used, resetsAt);
    }

    static DailyLimitReachedException reserveUsed(String tenantId, int used, int perDay, Instant resetsAt) {
        return new DailyLimitReachedException("The daily Xero budget for organisation " + tenantId
                + " is used up, operators' reserve included: " + used + " of " + perDay
                + " calls used today; it resets at " + resetsAt, tenantId, used, resetsAt);
    }

    static DailyLimitReachedException xeroSays(String tenantId, int used, Instant resetsAt) {
        return new DailyLimitReachedException("Xero says the daily budget for organisation " + tenantId
                + " is used up (" + used + " calls counted here today, the rest by other apps or nodes); it resets at "
                + resetsAt, tenantId, used, resetsAt);
    }

    public String tenantId() { return tenantId; }

    /** Calls this connector counted against the organisation today. */
    public int used() { return used; }

    public Instant resetsAt() { return resetsAt; }
}
