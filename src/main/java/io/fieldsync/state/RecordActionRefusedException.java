package io.fieldsync.state;

/** An operator's action that the record's state does not allow (e.g. skipping a SYNCED record). */
public class RecordActionRefusedException extends RuntimeException {
    public RecordActionRefusedException(String message) {
        super(message);
    }
}
