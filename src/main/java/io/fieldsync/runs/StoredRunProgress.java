package io.fieldsync.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.fieldsync.state.SyncRun;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where a run another node executes stands, as the state store knows it: its latest step
 * ({@code sync_run_step}) and the records with an outcome so far ({@code sync_run_count}), the
 * rate taken over the run's time. One small query; the node running it answers from memory
 * ({@link RunProgress}) instead.
 */
@Component("storedRunProgress")
public class StoredRunProgress {

    private final JdbcTemplate state;

    public StoredRunProgress(JdbcTemplate state) {
        this.state = state;
    }

    public Optional<RunProgress.Progress> of(SyncRun run) {
        List<RunProgress.Progress> found = state.query("""
                select s.step, s.entity,
                       (select coalesce(sum(c.record_count), 0) from sync_run_count c
                         where c.run_id = s.run_id and c.status <> 'PENDING') as done
                  from sync_run_step s
                 where s.run_id = ? order by s.position desc limit 1""",
                (row, i) -> {
                    long done = row.getLong("done");
                    return new RunProgress.Progress(row.getString("step"), row.getString("entity"), done, null,
                            RunProgress.perSecond(done, Duration.between(run.getStartedAt(), Instant.now()).toMillis()), null);
                }, run.getId());
        return found.stream().findFirst();
    }
}
