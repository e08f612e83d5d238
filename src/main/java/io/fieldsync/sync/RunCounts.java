package io.fieldsync.sync;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Adds records to a run's per-entity, per-outcome counts. */
@Component("runCounts")
public class RunCounts {

    private final SyncRunCountRepository counts;

    public RunCounts(SyncRunCountRepository counts) {
        this.counts = counts;
    }

    @Transactional
    public void add(long runId, String entity, RecordStatus.Outcome outcome, int records) {
        SyncRunCount.Key key = new SyncRunCount.Key(runId, entity, outcome.name());
        SyncRunCount count = counts.findById(key).orElseGet(() -> new SyncRunCount(key));
        count.add(records);
        counts.save(count);
    }
}
