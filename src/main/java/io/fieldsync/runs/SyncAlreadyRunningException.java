package io.fieldsync.runs;

import io.fieldsync.state.SyncRun;

/** A sync was requested while another one of the same organisation runs. */
public class SyncAlreadyRunningException extends RuntimeException {

    private final long runningSyncId;

    public SyncAlreadyRunningException(SyncRun running) {
        super("Sync " + running.getId() + " is running since " + running.getStartedAt()
                + " (" + running.getTrigger() + "); try again when it has finished");
        this.runningSyncId = running.getId();
    }

    public long runningSyncId() {
        return runningSyncId;
    }
}
