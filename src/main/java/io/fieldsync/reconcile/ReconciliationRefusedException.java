package io.fieldsync.reconcile;

import java.time.Instant;

/** The report would need calls that the rate governor keeps in reserve for the day's syncs: it is not started (or not continued). */
public class ReconciliationRefusedException extends RuntimeException {

    private final int callsNeeded;
    private final int callsAvailable;
    private final Instant dayEnds;

    public ReconciliationRefusedException(String message, int callsNeeded, int callsAvailable, Instant dayEnds) {
        super(message);
        this.callsNeeded = callsNeeded;
        this.callsAvailable = callsAvailable;
        this.dayEnds = dayEnds;
    }

    public int callsNeeded() {
        return callsNeeded;
    }

    public int callsAvailable() {
        return callsAvailable;
    }

    public Instant dayEnds() {
        return dayEnds;
    }
}
