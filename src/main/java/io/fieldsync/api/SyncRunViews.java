package io.fieldsync.api;

import java.util.Map;
import java.util.TreeMap;

import io.fieldsync.runs.RunProgress;
import io.fieldsync.state.SyncRun;
import io.fieldsync.state.SyncRunCount;
import io.fieldsync.state.SyncRunCountRepository;
import org.springframework.stereotype.Component;

/** Builds {@link SyncRunView}s with their per-entity counts ({"invoice":{"synced":n,...}}) and, while running, progress. */
@Component
class SyncRunViews {

    private final SyncRunCountRepository counts;
    private final RunProgress progress;

    SyncRunViews(SyncRunCountRepository counts, RunProgress progress) {
        this.counts = counts;
        this.progress = progress;
    }

    SyncRunView of(SyncRun run) {
        Map<String, Map<String, Integer>> byEntity = new TreeMap<>();
        for (SyncRunCount count : counts.findByKeyRunId(run.getId())) {
            byEntity.computeIfAbsent(count.getKey().entity(), SyncRunViews::zeroCounts)
                    .merge(count.getKey().status().toLowerCase(), count.getRecordCount(), Integer::sum);
        }
        return new SyncRunView(run.getId(), run.getStatus().name(), run.getTrigger().name(), run.getRequestedBy(),
                run.getStartedAt(), run.getFinishedAt(), run.getMessage(), byEntity,
                run.getStatus() == SyncRun.Status.RUNNING ? progress.of(run.getId()).orElse(null) : null);
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
