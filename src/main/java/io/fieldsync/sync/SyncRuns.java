package io.fieldsync.sync;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fieldsync.xero.XeroConnection;
import io.fieldsync.xero.XeroTenant;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts and ends sync runs. A run is started by writing it RUNNING while holding a lock on its
 * organisation's row, so two requests (or two nodes sharing the state store) cannot both start
 * one; the run itself is the {@code sync-run} route, which calls {@link #finish} or {@link #fail}.
 */
@Component("syncRuns")
public class SyncRuns {

    public static final String RUN_ID = "syncRunId";
    /** Where a run is handed to Camel: the {@code sync-run} route. */
    public static final String ENTRY_POINT = "direct:sync-run";
    private static final Logger log = LoggerFactory.getLogger(SyncRuns.class);

    private final XeroConnection connection;
    private final SyncRunRepository runs;
    private final SyncRunCountRepository counts;
    private final EntityManager entities;
    private final TransactionTemplate transaction;
    private final ProducerTemplate camel;
    private final ApplicationEventPublisher events;
    private final String nodeId;

    public SyncRuns(XeroConnection connection, SyncRunRepository runs, SyncRunCountRepository counts,
                    EntityManager entities, TransactionTemplate transaction, ProducerTemplate camel,
                    ApplicationEventPublisher events,
                    @Value("${fieldsync.node-id:${HOSTNAME:local}}") String nodeId) {
        this.connection = connection;
        this.runs = runs;
        this.counts = counts;
        this.entities = entities;
        this.transaction = transaction;
        this.camel = camel;
        this.events = events;
        this.nodeId = nodeId;
    }

    /** Records a new run and hands it to the {@code sync-run} route; returns at once. */
    public SyncRun start(SyncRun.Trigger trigger, String requestedBy, List<String> onlyEntities) {
        XeroTenant tenant = connection.currentTenant();
        SyncRun run = transaction.execute(status -> {
            entities.find(XeroTenant.class, tenant.getId(), LockModeType.PESSIMISTIC_WRITE);
            runs.findFirstByTenantRefAndStatusOrderByIdDesc(tenant.getId(), SyncRun.Status.RUNNING)
                    .ifPresent(running -> {
                        throw new SyncAlreadyRunningException(running);
                    });
            String requested = onlyEntities == null || onlyEntities.isEmpty() ? null : String.join(",", onlyEntities);
            return runs.save(new SyncRun(tenant.getId(), trigger, requestedBy, requested, nodeId));
        });
        log.info("Sync run {} started ({} by {})", run.getId(), trigger, requestedBy);
        camel.asyncRequestBodyAndHeaders(ENTRY_POINT, null,
                Map.of(RUN_ID, run.getId(), "syncEntities", run.getEntities() == null ? "" : run.getEntities()));
        return run;
    }

    /** Ends a run: FAILED never comes from here, only from {@link #fail}. */
    public SyncRun finish(long runId) {
        return ended(transaction.execute(status -> {
            SyncRun run = runs.findById(runId).orElseThrow();
            boolean anyFailed = counts.findByKeyRunId(runId).stream()
                    .anyMatch(c -> "FAILED".equals(c.getKey().status()) && c.getRecordCount() > 0);
            run.finish(anyFailed ? SyncRun.Status.COMPLETED_WITH_ERRORS : SyncRun.Status.SUCCEEDED, null);
            log.info("Sync run {} finished: {}", runId, run.getStatus());
            return runs.save(run);
        }));
    }

    public SyncRun fail(long runId, String reason) {
        return ended(transaction.execute(status -> {
            SyncRun run = runs.findById(runId).orElseThrow();
            run.finish(SyncRun.Status.FAILED, reason);
            log.warn("Sync run {} failed: {}", runId, reason);
            return runs.save(run);
        }));
    }

    /** Xero's daily limit ended the run: what was sent is recorded, the rest waits for tomorrow's budget. */
    public SyncRun stopForDailyLimit(long runId, Exception reason) {
        return ended(transaction.execute(status -> {
            SyncRun run = runs.findById(runId).orElseThrow();
            run.finish(SyncRun.Status.DAILY_LIMIT_REACHED, reason.getMessage()
                    + "; records not sent yet go in the next run once the daily budget resets");
            log.warn("Sync run {} stopped: {}", runId, run.getMessage());
            return runs.save(run);
        }));
    }

    public SyncRun fail(long runId, Exception error) {
        return fail(runId, error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
    }

    /** Tells the listeners once the end is committed; a listener's failure never changes the run's outcome. */
    private SyncRun ended(SyncRun run) {
        try {
            events.publishEvent(new SyncRunEnded(run));
        } catch (RuntimeException e) {
            log.warn("A listener of sync run {}'s end failed: {}", run.getId(), e.toString());
        }
        return run;
    }

    public Optional<SyncRun> find(long runId) {
        return runs.findById(runId);
    }
}
