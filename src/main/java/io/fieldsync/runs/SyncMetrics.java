package io.fieldsync.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.fieldsync.state.RecordStatus;
import io.fieldsync.state.SyncRun;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.persistence.EntityManager;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The sync's side of the metrics: record outcomes per entity as they are written, and each run's
 * duration and outcome once its end is committed. Prometheus names: {@code fieldsync_records_total},
 * {@code fieldsync_sync_duration_seconds}, {@code fieldsync_sync_runs_total},
 * {@code fieldsync_sync_last_completed_seconds}.
 */
@Component("syncMetrics")
public class SyncMetrics {

    static final String RECORDS = "fieldsync.records";
    static final String DURATION = "fieldsync.sync.duration";
    static final String RUNS = "fieldsync.sync.runs";
    static final String LAST_COMPLETED = "fieldsync.sync.last.completed";

    private static final List<SyncRun.Status> COMPLETED = List.of(SyncRun.Status.SUCCEEDED, SyncRun.Status.COMPLETED_WITH_ERRORS);

    private final MeterRegistry registry;
    private final EntityManager entities;
    private final Instant startedAt = Instant.now();

    public SyncMetrics(MeterRegistry registry, EntityManager entities) {
        this.registry = registry;
        this.entities = entities;
        Gauge.builder(LAST_COMPLETED, this, SyncMetrics::lastCompletedEpochSeconds)
                .description("When the last run that completed (SUCCEEDED or COMPLETED_WITH_ERRORS) ended, "
                        + "in seconds since the epoch; the start-up time while none has")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    /**
     * Counts records whose outcome was written; inside a transaction only once it commits, so a
     * batch written again after a deadlock is counted once.
     */
    public void recorded(String entity, RecordStatus.Outcome outcome, int records) {
        if (records <= 0) {
            return;
        }
        Counter counter = Counter.builder(RECORDS)
                .description("Records whose sync outcome was written, by entity and outcome")
                .tag("entity", entity)
                .tag("status", outcome.name())
                .register(registry);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment(records);
                }
            });
        } else {
            counter.increment(records);
        }
    }

    @EventListener
    public void ended(SyncRunEnded event) {
        SyncRun run = event.run();
        String trigger = run.getTrigger() == null ? "UNKNOWN" : run.getTrigger().name();
        String status = run.getStatus() == null ? "UNKNOWN" : run.getStatus().name();
        Counter.builder(RUNS)
                .description("Sync runs ended, by trigger and outcome")
                .tag("trigger", trigger)
                .tag("status", status)
                .register(registry)
                .increment();
        if (run.getStartedAt() != null && run.getFinishedAt() != null) {
            Timer.builder(DURATION)
                    .description("How long sync runs took, by trigger and outcome")
                    .tag("trigger", trigger)
                    .tag("status", status)
                    .register(registry)
                    .record(Duration.between(run.getStartedAt(), run.getFinishedAt()));
        }
    }

    /** Read from the state store, so a run another node completed counts too. */
    private double lastCompletedEpochSeconds() {
        try {
            Instant last = entities.createQuery(
                            "select max(r.finishedAt) from SyncRun r where r.status in :completed", Instant.class)
                    .setParameter("completed", COMPLETED)
                    .getSingleResult();
            return (last != null ? last : startedAt).toEpochMilli() / 1000.0;
        } catch (RuntimeException stateStoreUnavailable) {
            return Double.NaN;
        }
    }
}
