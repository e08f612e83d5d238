package io.fieldsync.api;

import java.util.Map;
import java.util.TreeMap;

import io.fieldsync.state.SyncRun;
import io.fieldsync.state.SyncRunCount;
import io.fieldsync.state.SyncRunCountRepository;
import org.springframework.stereotype.Component;

/** Builds {@link SyncRunView}s with their per-entity counts ({"invoice":{"synced":n,...}}). */
@Component
class SyncRunViews {

    private final SyncRunCountRepository counts;

    SyncRunViews(SyncRunCountRepository counts) {
        this.counts = counts;
    }

    SyncRunView of(SyncRun run) {
        Map<String, Map<String, Integer>> byEntity = new TreeMap<>();
        for (SyncRunCount count : counts.findByKeyRunId(run.getId())) {
            byEntity.computeIfAbsent(count.getKey().entity(), SyncRunViews::zeroCounts)
                    .merge(count.getKey().status().toLowerCase(), count.getRecordCount(), Integer::sum);
        }
        return new SyncRunView(run.getId(), run.getStatus().name(), run.getTrigger().name(), run.getRequestedBy(),
                run.getStartedAt(), run.getFinishedAt(), run.getMessage(), byEntity);
    }

    /** Every entity a run touched shows all three outcomes, zeros included, so clients need no defaults. */
    private static Map<String, Integer> zeroCounts(String entity) {
        Map<String, Integer> zero = new TreeMap<>();
        zero.put("synced", 0);
        zero.put("failed", 0);
        zero.put("skipped", 0);
        return zero;
    }
}
