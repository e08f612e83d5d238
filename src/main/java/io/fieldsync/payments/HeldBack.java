package io.fieldsync.payments;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsync.xero.XeroJsonDates;

/**
 * The earliest change among the payments of one import that another import was holding: the
 * watermark stays there, so they are read again should that import die before it decides them.
 * One per import, shared by the split's exchanges.
 */
public final class HeldBack {

    static final String PROPERTY = "paymentsHeldBack";

    private Instant earliest;

    synchronized void payment(JsonNode payment) {
        Instant updated = XeroJsonDates.instant(payment.path("UpdatedDateUTC").asText(null));
        if (updated != null && (earliest == null || updated.isBefore(earliest))) {
            earliest = updated;
        }
    }

    synchronized Instant earliest() {
        return earliest;
    }
}
