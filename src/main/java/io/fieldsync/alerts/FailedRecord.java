package io.fieldsync.alerts;

/** A record a run could not sync: Xero's own message and, when Xero has the record, the link that opens it. */
public record FailedRecord(String entity, long localId, String number, String message, int failureCount, String link) {
}
