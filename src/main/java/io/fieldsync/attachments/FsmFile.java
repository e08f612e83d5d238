package io.fieldsync.attachments;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A file of the field-service {@code attachments} table as the export reads it: its metadata and
 * the number and status of the document it belongs to, never its bytes.
 */
record FsmFile(long id, String ownerType, long ownerId, String fileName, long sizeBytes,
               Instant createdAt, Instant updatedAt, boolean deleted, String ownerNumber, String ownerStatus) {

    /** {@code clock} turns the database's times into instants (see {@code SourceClock}). */
    static FsmFile of(Map<String, Object> row, Function<Object, Instant> clock) {
        return new FsmFile(number(row.get("id")), String.valueOf(row.get("owner_type")).trim().toLowerCase(Locale.ROOT),
                number(row.get("owner_id")), String.valueOf(row.get("file_name")), number(row.get("size_bytes")),
                clock.apply(row.get("created_at")), clock.apply(row.get("updated_at")), row.get("deleted_at") != null,
                (String) row.get("owner_number"), (String) row.get("owner_status"));
    }

    boolean ofInvoice() {
        return "invoice".equals(ownerType);
    }

    boolean ofPurchaseOrder() {
        return "purchase_order".equals(ownerType);
    }

    /** The file's extension in lower case, "" when it has none. */
    String extension() {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** What a person calls the owning document: "invoice INV0007", "purchase order PO0012". */
    String ownerLabel() {
        String kind = ofInvoice() ? "invoice" : ofPurchaseOrder() ? "purchase order" : ownerType;
        return kind + " " + (ownerNumber != null ? ownerNumber : ownerId);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
