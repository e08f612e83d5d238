package io.fieldsync.reconcile;

/**
 * The period asked for would cost more Xero calls than today's budget has left, by the estimate
 * made before any call: the request's to change (a shorter period), so the API answers 400.
 */
public class ReconciliationTooCostlyException extends ReconciliationRefusedException {

    public ReconciliationTooCostlyException(String message, int callsNeeded, int callsAvailable) {
        super(message, callsNeeded, callsAvailable, null);
    }
}
