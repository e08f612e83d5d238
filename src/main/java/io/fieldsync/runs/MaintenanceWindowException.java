package io.fieldsync.runs;

import java.time.ZonedDateTime;

/** A manual sync asked for during a maintenance window. */
public class MaintenanceWindowException extends RuntimeException {

    private final ZonedDateTime until;

    public MaintenanceWindowException(ZonedDateTime until) {
        super("A maintenance window is in progress until " + until.toOffsetDateTime()
                + ": manual syncs are refused until then (scheduled syncs are postponed to its end)");
        this.until = until;
    }

    public ZonedDateTime until() {
        return until;
    }
}
