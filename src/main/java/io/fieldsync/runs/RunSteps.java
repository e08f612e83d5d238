package io.fieldsync.runs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records a run's steps for its timeline ({@code sync_run_step}): the step routes call
 * {@link #begin} as they start; a step ends when the next begins or the run ends ({@link #runEnded}). The timeline is
 * for people: a write the state store refuses is logged, never fails the sync.
 */
@Component("runSteps")
public class RunSteps {

    /** One step of a run as the timeline shows it. */
    public record Step(String step, String entity, Instant startedAt, Instant finishedAt, int synced, int failed, int skipped) {
    }

    private static final Logger log = LoggerFactory.getLogger(RunSteps.class);

    private final JdbcTemplate state;
    private final RunProgress progress;

    public RunSteps(JdbcTemplate state, RunProgress progress) {
        this.state = state;
        this.progress = progress;
    }

    /**
     * A step route starts: {@code name} as the run knows it ({@code push-invoices}); its kind is the
     * word before the dash (push, pull, import, export). A route used outside a run ({@code runId} null) has no timeline.
     */
    public void begin(Long runId, String name, String entity) {
        if (runId == null) {
            return;
        }
        String step = name.contains("-") ? name.substring(0, name.indexOf('-')) : name;
        RunProgress.StepCounts before = progress.stepStarted(runId, step, entity);
        Timestamp now = Timestamp.from(Instant.now());
        try {
            if (before != null) {
                close(runId, before, now);
            }
            state.update("insert into sync_run_step (run_id, position, step, entity, started_at) values (?, ?, ?, ?, ?)",
                    runId, before == null ? 1 : before.position() + 1, step, entity, now);
        } catch (RuntimeException e) {
            log.warn("Step {} of sync run {} is missing from its timeline: {}", name, runId, e.toString());
        }
    }

    /**
     * The run's last step ends with it: called by {@link SyncRuns} as it writes the run's end,
     * before that is committed, so a finished run never shows an open step. On the node that ran
     * it the step keeps its outcomes; ended by another node, it gets its end time.
     */
    void runEnded(long runId, Instant at) {
        RunProgress.StepCounts last = progress.ended(runId);
        try {
            if (last != null) {
                close(runId, last, Timestamp.from(at));
            }
            state.update("update sync_run_step set finished_at = ? where run_id = ? and finished_at is null",
                    Timestamp.from(at), runId);
        } catch (RuntimeException e) {
            log.warn("The end of sync run {}'s last step is missing from its timeline: {}", runId, e.toString());
        }
    }

    /** This node no longer runs the run (another ended it): its progress is forgotten here. */
    void runLost(long runId) {
        progress.ended(runId);
    }

    /** The run's steps in the order it took them. */
    public List<Step> of(long runId) {
        return state.query("""
                select step, entity, started_at, finished_at, synced, failed, skipped
                  from sync_run_step where run_id = ? order by position""",
                (row, i) -> new Step(row.getString("step"), row.getString("entity"),
                        row.getTimestamp("started_at").toInstant(),
                        row.getTimestamp("finished_at") == null ? null : row.getTimestamp("finished_at").toInstant(),
                        row.getInt("synced"), row.getInt("failed"), row.getInt("skipped")), runId);
    }

    private void close(long runId, RunProgress.StepCounts step, Timestamp at) {
        state.update("""
                update sync_run_step set finished_at = ?, synced = ?, failed = ?, skipped = ?
                 where run_id = ? and position = ? and finished_at is null""",
                at, step.synced(), step.failed(), step.skipped(), runId, step.position());
    }
}
