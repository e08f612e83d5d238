package io.fieldsync.api;

import java.util.Map;
import java.util.TreeMap;

import io.fieldsync.sync.SyncRun;
import io.fieldsync.sync.SyncRunCount;
import io.fieldsync.sync.SyncRunCountRepository;
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
            byEntity.computeIfAbsent(count.getKey().entity(), e -> new TreeMap<>())
                    .put(count.getKey().status().toLowerCase(), count.getRecordCount());
        }
        return new SyncRunView(run.getId(), run.getStatus().name(), run.getTrigger().name(), run.getRequestedBy(),
                run.getStartedAt(), run.getFinishedAt(), run.getMessage(), byEntity);
    }
}
