package io.fieldsync.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.fieldsync.runs.RunProgress;
import io.fieldsync.runs.StoredRunProgress;
import io.fieldsync.state.SyncRun;
import io.fieldsync.state.SyncRunCount;
import io.fieldsync.state.SyncRunCountRepository;
import org.springframework.stereotype.Component;

/** Builds {@link SyncRunView}s with their per-entity counts ({"invoice":{"synced":n,...}}) and, while running, progress. */
@Component
class SyncRunViews {

    private final SyncRunCountRepository counts;
    private final RunProgress progress;
    private final StoredRunProgress storedProgress;

    SyncRunViews(SyncRunCountRepository counts, RunProgress progress, StoredRunProgress storedProgress) {
        this.counts = counts;
        this.progress = progress;
        this.storedProgress = storedProgress;
    }

    SyncRunView of(SyncRun run) {
        return of(run, counts.findByKeyRunId(run.getId()));
    }

    /** A page of the history: the counts of all its runs read at once, not a query per run. */
    List<SyncRunView> of(List<SyncRun> runs) {
        Map<Long, List<SyncRunCount>> countsByRun = counts.findByKeyRunIdIn(runs.stream().map(SyncRun::getId).toList()).stream()
                .collect(Collectors.groupingBy(count -> count.getKey().runId()));
        return runs.stream().map(run -> of(run, countsByRun.getOrDefault(run.getId(), List.of()))).toList();
    }

    private SyncRunView of(SyncRun run, List<SyncRunCount> runCounts) {
        Map<String, Map<String, Integer>> byEntity = new TreeMap<>();
        for (SyncRunCount count : runCounts) {
            byEntity.computeIfAbsent(count.getKey().entity(), SyncRunViews::zeroCounts)
                    .merge(count.getKey().status().toLowerCase(), count.getRecordCount(), Integer::sum);
        }
        return new SyncRunView(run.getId(), run.getStatus().name(), run.getTrigger().name(), run.getRequestedBy(),
                run.getStartedAt(), run.getFinishedAt(), run.getMessage(), requested(run), byEntity,
                run.getStatus() == SyncRun.Status.RUNNING ? progress(run) : null);
    }

    /** From this node's memory when it runs the run, else (another node runs it) from the state store. */
    private RunProgress.Progress progress(SyncRun run) {
        return progress.of(run.getId()).or(() -> storedProgress.of(run)).orElse(null);
    }

    private static List<String> requested(SyncRun run) {
        String entities = run.getEntities();
        return entities == null || entities.isBlank() ? null
                : java.util.Arrays.stream(entities.split(",")).map(String::trim).filter(e -> !e.isEmpty()).toList();
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
