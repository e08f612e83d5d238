package io.fieldsync.runs;

import io.fieldsync.state.RecordStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adds records to a run's per-entity, per-outcome counts. Batches are delivered in parallel, so
 * the count is incremented in the database (never read, added to and written back), which keeps
 * concurrent batches from overwriting each other's numbers.
 */
@Component("runCounts")
public class RunCounts {

    private static final String INCREMENT =
            "update sync_run_count set record_count = record_count + ? where run_id = ? and entity = ? and status = ?";
    private static final String FIRST =
            "insert into sync_run_count (run_id, entity, status, record_count) values (?, ?, ?, ?)";

    private final JdbcTemplate state;
    private final SyncMetrics metrics;
    private final RunProgress progress;

    public RunCounts(JdbcTemplate state, SyncMetrics metrics, RunProgress progress) {
        this.state = state;
        this.metrics = metrics;
        this.progress = progress;
    }

    public void add(long runId, String entity, RecordStatus.Outcome outcome, int records) {
        if (records == 0) {
            return;
        }
        metrics.recorded(entity, outcome, records);
        progress.recorded(runId, outcome, records);
        if (state.update(INCREMENT, records, runId, entity, outcome.name()) > 0) {
            return;
        }
        try {
            state.update(FIRST, runId, entity, outcome.name(), records);
        } catch (DuplicateKeyException anotherBatchWasFirst) {
            state.update(INCREMENT, records, runId, entity, outcome.name());
        }
    }
}
