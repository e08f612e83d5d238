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
        String kept = reserve > 0 ? "; the last " + reserve + " of " + perDay + " are kept for operators" : "";
        return new DailyLimitReachedException(headline(used, resetsAt) + " (organisation " + tenantId + kept + ")",
                tenantId, used, resetsAt);
    }

    static DailyLimitReachedException reserveUsed(String tenantId, int used, int perDay, Instant resetsAt) {
        return new DailyLimitReachedException(headline(used, resetsAt) + " (organisation " + tenantId
                + "; all " + perDay + ", operators' reserve included)", tenantId, used, resetsAt);
    }

    static DailyLimitReachedException xeroSays(String tenantId, int used, Instant resetsAt) {
        return new DailyLimitReachedException(headline(used, resetsAt) + " (organisation " + tenantId
                + "; Xero says so: the rest were used by other apps or nodes)", tenantId, used, resetsAt);
    }

    private static String headline(int used, Instant resetsAt) {
        return "daily Xero API budget used up, " + used + " calls used, resets at " + resetsAt;
    }

    public String tenantId() { return tenantId; }

    /** Calls this connector counted against the organisation today. */
    public int used() { return used; }

    public Instant resetsAt() { return resetsAt; }
}
