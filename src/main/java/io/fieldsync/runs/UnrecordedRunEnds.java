package io.fieldsync.runs;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.fieldsync.state.SyncRun;
import org.springframework.stereotype.Component;

/**
 * Ends of runs this node could not write because the state store was out of reach, kept in memory
 * until the {@code sync-watchdog} (or the next start) writes them, so a run never stays RUNNING
 * while its node lives. Lost only if the node stops first: then the run's heartbeats have
 * stopped too, and the next node that looks marks it INTERRUPTED.
 */
@Component
class UnrecordedRunEnds {

    record End(long runId, SyncRun.Status status, String message, Instant at) {
    }

    private final Map<Long, End> ends = new ConcurrentHashMap<>();

    void keep(End end) {
        ends.put(end.runId(), end);
    }

    /** Oldest first. */
    List<End> all() {
        return ends.values().stream().sorted(Comparator.comparing(End::at)).toList();
    }

    void recorded(long runId) {
        ends.remove(runId);
    }
}
