package io.fieldsync.runs;

/**
 * A run lost its organisation: another node's run took it over, or the run was ended INTERRUPTED
 * by another node or process while this one could not tell (a stalled connection, a long wait).
 * It stops at once and writes nothing more; its end does not overwrite what the other gave it.
 */
public class RunFencedException extends RuntimeException {

    public RunFencedException(String message) {
        super(message);
    }
}
