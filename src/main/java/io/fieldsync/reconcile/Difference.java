package io.fieldsync.reconcile;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One row of the report. The first seven fields are the interface's; the rest say what exactly
 * differs, with both values, for the accountant.
 */
@JsonInclude(JsonInclude.Include.ALWAYS) // every row has every key, null where a side has no value
public record Difference(String entity, Long localId, String number, String xeroId, BigDecimal fsmTotal,
                         BigDecimal xeroTotal, Status status, List<String> differs, BigDecimal fsmTax, BigDecimal xeroTax,
                         String fsmStatus, String xeroStatus, BigDecimal fsmAmountPaid, BigDecimal xeroAmountPaid,
                         String reason) {

    public enum Status {
        DIFFERENT, MISSED_IN_XERO, MISSED_IN_FSM
    }

    /** The columns of the CSV, in the order of the fields. */
    public static final List<String> COLUMNS = List.of("entity", "localId", "number", "xeroId", "fsmTotal", "xeroTotal",
            "status", "differs", "fsmTax", "xeroTax", "fsmStatus", "xeroStatus", "fsmAmountPaid", "xeroAmountPaid", "reason");

    /** The row's values in {@link #COLUMNS} order, as text (empty for none). */
    public List<String> values() {
        return java.util.stream.Stream.of(entity, localId, number, xeroId, fsmTotal, xeroTotal, status,
                        differs == null ? null : String.join(" ", differs), fsmTax, xeroTax, fsmStatus, xeroStatus,
                        fsmAmountPaid, xeroAmountPaid, reason)
                .map(v -> v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : v.toString())
                .toList();
    }
}
