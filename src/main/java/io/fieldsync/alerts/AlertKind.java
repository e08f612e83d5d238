package io.fieldsync.alerts;

/** What a message is: an alert about a condition, a run's error report, a run's sync report, or a reconciliation report. */
public enum AlertKind { ALERT, ERROR_REPORT, SYNC_REPORT, RECONCILIATION }
