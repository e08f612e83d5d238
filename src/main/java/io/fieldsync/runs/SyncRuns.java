package io.fieldsync.runs;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;

import io.fieldsync.settings.MaintenanceWindows;
import io.fieldsync.settings.RuntimeSettings;
import io.fieldsync.settings.SyncProperties;
import io.fieldsync.state.DeadlockVictims;
import io.fieldsync.state.SyncRun;
import io.fieldsync.state.SyncRunCountRepository;
import io.fieldsync.state.SyncRunRepository;
import io.fieldsync.xero.XeroConnection;
import io.fieldsync.xero.XeroConnectionException;
import io.fieldsync.xero.XeroTenant;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts and ends sync runs. A run is started by writing it RUNNING while holding a lock on its
 * organisation's row, so two requests (or two nodes sharing the state store) cannot both start
 * one; the run itself is the {@code sync-run} route, which calls {@link #finish} or {@link #fail}.
 * A running run's node writes a heartbeat; a run whose heartbeat stopped (its node was killed)
 * is marked INTERRUPTED instead of holding the organisation forever; a node that restarts ends the
 * runs its dead process left at once ({@link NodeIdentity}). A run owns its organisation through
 * the epoch it took at its start ({@link RunFence}): whoever ends a run other than the run itself
 * moves the epoch, and a run's own end is written only while it still owns the organisation, so
 * it never overwrites what another node gave it. A run's end the state store cannot take (it went
 * away) is kept and written once it answers again.
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
    private final JdbcTemplate state;
    private final ProducerTemplate camel;
    private final ApplicationEventPublisher events;
    private final MaintenanceWindows maintenance;
    private final RuntimeSettings settings;
    private final NodeIdentity node;
    private final Duration staleAfter;
    /** The runs a dead process of this node left RUNNING were ended (once, at start). */
    private final AtomicBoolean deadProcessRunsEnded = new AtomicBoolean();
    /** The runs this node is executing: the ones it keeps alive with heartbeats. */
    private final Set<Long> runningHere = ConcurrentHashMap.newKeySet();
    private final UnrecordedRunEnds unrecorded;
    private final OrganisationHolds holds;
    private final RunSteps steps;

    public SyncRuns(XeroConnection connection, SyncRunRepository runs, SyncRunCountRepository counts,
                    EntityManager entities, TransactionTemplate transaction, JdbcTemplate state, ProducerTemplate camel,
                    ApplicationEventPublisher events, MaintenanceWindows maintenance, RuntimeSettings settings,
                    UnrecordedRunEnds unrecorded, OrganisationHolds holds, RunSteps steps,
                    NodeIdentity node,
                    SyncProperties sync) {
        Duration staleAfter = sync.staleAfter();
        this.connection = connection;
        this.runs = runs;
        this.counts = counts;
        this.entities = entities;
        this.transaction = transaction;
        this.state = state;
        this.camel = camel;
        this.events = events;
        this.maintenance = maintenance;
        this.settings = settings;
        this.unrecorded = unrecorded;
        this.holds = holds;
        this.steps = steps;
        this.node = node;
        this.staleAfter = staleAfter;
    }

    /**
     * Records a new run and hands it to the {@code sync-run} route; returns at once. Refused with
     * {@link SyncAlreadyRunningException} while a run is in progress, with
     * {@link OrganisationHeldException} while a matching run holds the organisation, and for manual runs with
     * {@link MaintenanceWindowException} during a maintenance window.
     */
    public SyncRun start(SyncRun.Trigger trigger, String requestedBy, List<String> onlyEntities) {
        if (trigger == SyncRun.Trigger.MANUAL) {
            maintenance.activeNow().ifPresent(until -> {
                throw new MaintenanceWindowException(until);
            });
        }
        return begin(trigger, requestedBy, onlyEntities, false, false, ENTRY_POINT).orElseThrow();
    }

    /**
     * Starts a run of one step on its own (the payment import between syncs), handed to
     * {@code entryPoint} instead of {@code sync-run}, when no run is in progress: it holds the
     * organisation as a sync does, is neither owed nor refused, and leaves an owed scheduled sync owed.
     */
    public Optional<SyncRun> startStepIfIdle(String requestedBy, String step, String entryPoint) {
        return begin(SyncRun.Trigger.SCHEDULED, requestedBy, List.of(step), false, false, entryPoint);
    }

    /**
     * A scheduled trigger fired: the run starts now, or, when one is in progress or a matching run
     * holds the organisation ({@link OrganisationHolds}), is owed and starts once after it
     * ({@link #startOwedRun}); several triggers meanwhile owe one run.
     */
    public Optional<SyncRun> startOrOwe(String requestedBy) {
        return begin(SyncRun.Trigger.SCHEDULED, requestedBy, List.of(), true, false, ENTRY_POINT);
    }

    /** Starts the run a scheduled trigger left owing, if any and if nothing runs now. */
    public Optional<SyncRun> startOwedRun() {
        try {
            return begin(SyncRun.Trigger.SCHEDULED, "schedule (fired during an earlier run)", List.of(), true, true, ENTRY_POINT);
        } catch (RuntimeException e) {
            log.warn("The owed scheduled run could not start: {}", e.toString());
            return Optional.empty();
        }
    }

    public boolean runOwed() {
        XeroTenant tenant = connection.currentTenant();
        return transaction.execute(status -> entities.find(XeroTenant.class, tenant.getId()).getSyncDueAt() != null);
    }

    /**
     * @param oweIfRunning a run in progress makes this one owed instead of refused
     * @param onlyIfOwed   start only when a run is owed (checked under the lock, so two ends never start two)
     * @param entryPoint   the route that runs it: {@link #ENTRY_POINT} for a sync; another for a step
     *                     on its own, which starts only when nothing runs and pays no owed run
     */
    private Optional<SyncRun> begin(SyncRun.Trigger trigger, String requestedBy, List<String> onlyEntities,
                                    boolean oweIfRunning, boolean onlyIfOwed, String entryPoint) {
        boolean sync = ENTRY_POINT.equals(entryPoint);
        settings.reloadIfChanged();
        recordUnrecordedEnds(); // a run that ended while the store was away is not taken for running
        endDeadProcessRuns(); // done at start; again here only if the store was away then
        XeroTenant tenant;
        XeroConnectionException cannotStart = null;
        try {
            tenant = connection.currentTenantStillStored();
        } catch (XeroConnectionException e) {
            // Xero cannot be reached to say which organisation: a sync is recorded against the one
            // the state store knows, and fails at once with the reason (and its alert), not a bare 502
            if (!sync) {
                throw e;
            }
            tenant = connection.knownTenant().orElseThrow(() -> e);
            cannotStart = e;
        }
        XeroTenant organisation = tenant;
        List<SyncRun> interrupted = new ArrayList<>();
        // another node's watchdog may be interrupting the same stale run: a start picked as the
        // deadlock victim changed nothing and is tried again
        SyncRun run = DeadlockVictims.runAgain(3, () -> transaction.execute(status -> {
            XeroTenant locked = entities.find(XeroTenant.class, organisation.getId(), LockModeType.PESSIMISTIC_WRITE);
            if (onlyIfOwed && locked.getSyncDueAt() == null) {
                return null;
            }
            Optional<SyncRun> running = runs.findFirstByTenantRefAndStatusOrderByIdDesc(organisation.getId(), SyncRun.Status.RUNNING);
            if (running.isPresent() && isStale(running.get())) {
                running.get().interrupt(staleMessage(running.get())); // the new run's epoch below fences it off
                steps.runEnded(running.get().getId(), running.get().getFinishedAt());
                interrupted.add(runs.save(running.get()));
                running = Optional.empty();
            }
            if (running.isPresent()) {
                if (!sync) {
                    log.debug("{} not started: run {} is in progress", requestedBy, running.get().getId());
                    return null;
                }
                if (oweIfRunning) {
                    locked.owe(Instant.now());
                    log.info("Scheduled sync is owed: run {} is still in progress; it starts once that run ends",
                            running.get().getId());
                    return null;
                }
                throw new SyncAlreadyRunningException(running.get());
            }
            Optional<String> heldBy = holds.heldBy(locked);
            if (heldBy.isPresent()) {
                if (!sync) {
                    log.debug("{} not started: {} holds the organisation", requestedBy, heldBy.get());
                    return null;
                }
                if (oweIfRunning) {
                    locked.owe(Instant.now());
                    log.info("Scheduled sync is owed: {} holds the organisation; it starts once that ends", heldBy.get());
                    return null;
                }
                throw new OrganisationHeldException(heldBy.get());
            }
            if (trigger == SyncRun.Trigger.SCHEDULED && sync) {
                locked.paid();
            }
            String requested = onlyEntities == null || onlyEntities.isEmpty() ? null : String.join(",", onlyEntities);
            return runs.save(new SyncRun(organisation.getId(), trigger, requestedBy, requested, node.nodeId(), node.instanceId(),
                    locked.nextRunEpoch()));
        }), interrupted::clear);
        interrupted.forEach(this::announceInterrupted);
        if (run == null) {
            return Optional.empty();
        }
        log.info("Sync run {} started ({} by {})", run.getId(), trigger, requestedBy);
        runningHere.add(run.getId());
        if (cannotStart != null) {
            fail(run.getId(), cannotStart);
            return runs.findById(run.getId());
        }
        camel.asyncRequestBodyAndHeaders(entryPoint, null,
                Map.of(RUN_ID, run.getId(), "syncEntities", run.getEntities() == null ? "" : run.getEntities()));
        return Optional.of(run);
    }

    /**
     * Ends a run: FAILED never comes from here, only from {@link #fail}. A run that lost its
     * organisation meanwhile keeps the status the other node gave it.
     */
    public SyncRun finish(long runId) {
        SyncRun finished = transaction.execute(status -> {
            SyncRun run = runs.findById(runId).orElseThrow();
            if (!stillOwns(run)) {
                log.warn("Sync run {} reached its end, but it lost its organisation meanwhile: it stays {}", runId,
                        describe(runId));
                return null;
            }
            boolean anyFailed = counts.findByKeyRunId(runId).stream()
                    .anyMatch(c -> "FAILED".equals(c.getKey().status()) && c.getRecordCount() > 0);
            run.finish(anyFailed ? SyncRun.Status.COMPLETED_WITH_ERRORS : SyncRun.Status.SUCCEEDED, null);
            steps.runEnded(runId, run.getFinishedAt());
            log.info("Sync run {} finished: {}", runId, run.getStatus());
            return runs.save(run);
        });
        if (finished == null) {
            runningHere.remove(runId);
            return runs.findById(runId).orElse(null);
        }
        return ended(finished);
    }

    /**
     * Whether the run still owns its organisation: RUNNING and its epoch still the organisation's,
     * read under the organisation's lock (held until the caller's transaction ends).
     */
    private boolean stillOwns(SyncRun run) {
        XeroTenant locked = entities.find(XeroTenant.class, run.getTenantRef(), LockModeType.PESSIMISTIC_WRITE);
        return locked != null && locked.getRunEpoch() == run.getEpoch() && run.getStatus() == SyncRun.Status.RUNNING;
    }

    private String describe(long runId) {
        return runs.findById(runId).map(r -> r.getStatus() + (r.getMessage() == null ? "" : " (" + r.getMessage() + ")"))
                .orElse("gone");
    }

    public void fail(long runId, Exception error) {
        end(runId, SyncRun.Status.FAILED, RunFailureReason.of(error));
    }

    /** Xero's daily limit ended the run: what was sent is recorded, the rest waits for tomorrow's budget. */
    public void stopForDailyLimit(long runId, Exception reason) {
        end(runId, SyncRun.Status.DAILY_LIMIT_REACHED, reason.getMessage()
                + "; records not sent yet go in the next run once the daily budget resets");
    }

    /**
     * Writes how a run ended. When the state store cannot take it (it is what failed the run, or
     * it went in the meantime) the end is kept and written once the store answers again, by the
     * watchdog or the next start: the run must not stay RUNNING, nor be taken for a dead node's.
     */
    private void end(long runId, SyncRun.Status status, String message) {
        UnrecordedRunEnds.End end = new UnrecordedRunEnds.End(runId, status, message, Instant.now());
        try {
            write(end);
        } catch (RuntimeException e) {
            unrecorded.keep(end);
            runningHere.remove(runId); // over: no more heartbeats for it
            log.error("Sync run {} ended {} ({}), but the state store cannot record it: {}. The end is kept in memory"
                    + " and recorded as soon as the state store answers again", runId, status, message, e.toString());
        }
    }

    /** Writes the run ends the state store could not take when they happened; throws while it still cannot. */
    public synchronized void recordUnrecordedEnds() {
        for (UnrecordedRunEnds.End end : unrecorded.all()) {
            write(end);
            unrecorded.recorded(end.runId());
        }
    }

    private void write(UnrecordedRunEnds.End end) {
        SyncRun ended = transaction.execute(status -> {
            SyncRun run = runs.findById(end.runId()).orElse(null);
            if (run == null || !stillOwns(run)) {
                // another node took it for dead (or took the organisation) while this one could not reach it
                log.warn("Sync run {} ended {} ({}), but it is {} by now", end.runId(), end.status(), end.message(),
                        run == null ? "gone" : run.getStatus());
                return null;
            }
            run.finish(end.status(), end.message(), end.at());
            steps.runEnded(end.runId(), end.at());
            log.warn("Sync run {} {}: {}", end.runId(), end.status() == SyncRun.Status.FAILED ? "failed" : "stopped",
                    end.message());
            return runs.save(run);
        });
        if (ended == null) {
            runningHere.remove(end.runId());
            return;
        }
        ended(ended);
    }

    /**
     * Keeps this node's runs alive: another node takes a run without heartbeats for dead. A run
     * whose heartbeat changes no row is no longer RUNNING: another node ended it (this one was
     * cut off too long). It is fenced: no more heartbeats, and its next step stops it.
     */
    public void heartbeat() {
        Timestamp now = Timestamp.from(Instant.now());
        for (Long runId : List.copyOf(runningHere)) {
            if (state.update("update sync_run set heartbeat_at = ? where id = ? and status = 'RUNNING'", now, runId) == 0
                    && runningHere.remove(runId)) {
                steps.runLost(runId);
                log.warn("Sync run {} lost its organisation: it is {}; it stops at its next step and sends nothing more",
                        runId, describe(runId));
            }
        }
    }

    /** Marks RUNNING runs whose node stopped sending heartbeats INTERRUPTED; returns them. */
    public List<SyncRun> interruptStale() {
        endDeadProcessRuns();
        List<SyncRun> interrupted = new ArrayList<>();
        for (SyncRun run : runs.findByStatus(SyncRun.Status.RUNNING)) {
            if (isStale(run)) {
                interrupt(run, this::isStale, this::staleMessage).ifPresent(interrupted::add);
            }
        }
        return interrupted;
    }

    /**
     * On start: the runs a dead process of this node (same node id, another instance) left RUNNING
     * end INTERRUPTED at once, so a sync can start within seconds of a restart instead of after
     * {@code stale-after}. Other nodes' runs keep the heartbeat rule. Tried again by the watchdog
     * and the next start while the state store does not answer.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void endDeadProcessRunsAtStart() {
        try {
            endDeadProcessRuns();
        } catch (RuntimeException e) {
            log.warn("Runs a dead process of node {} left cannot be ended yet: {}", node.nodeId(), e.toString());
        }
    }

    private void endDeadProcessRuns() {
        if (deadProcessRunsEnded.get()) {
            return;
        }
        for (SyncRun run : runs.findByStatus(SyncRun.Status.RUNNING)) {
            if (node.leftByDeadProcess(run)) {
                interrupt(run, node::leftByDeadProcess, dead -> "Interrupted: node " + dead.getNodeId()
                        + " restarted, and the process that ran this sync (instance " + dead.getInstanceId()
                        + ") is gone; the next run resumes from the watermarks");
            }
        }
        deadProcessRunsEnded.set(true);
    }

    /**
     * Ends another process's run INTERRUPTED if it still is what {@code still} says, under the
     * organisation's lock, and moves the epoch so that run, should it be alive after all, is fenced off.
     */
    private Optional<SyncRun> interrupt(SyncRun run, Predicate<SyncRun> still, Function<SyncRun, String> why) {
        SyncRun ended = transaction.execute(status -> {
            XeroTenant locked = entities.find(XeroTenant.class, run.getTenantRef(), LockModeType.PESSIMISTIC_WRITE);
            SyncRun fresh = entities.find(SyncRun.class, run.getId(), LockModeType.PESSIMISTIC_WRITE);
            if (fresh.getStatus() != SyncRun.Status.RUNNING || !still.test(fresh)) {
                return null;
            }
            locked.nextRunEpoch();
            fresh.interrupt(why.apply(fresh));
            steps.runEnded(fresh.getId(), fresh.getFinishedAt());
            return runs.save(fresh);
        });
        if (ended == null) {
            return Optional.empty();
        }
        announceInterrupted(ended);
        return Optional.of(ended);
    }

    private boolean isStale(SyncRun run) {
        Instant lastSign = run.getHeartbeatAt() == null ? run.getStartedAt() : run.getHeartbeatAt();
        return !runningHere.contains(run.getId()) && lastSign.isBefore(Instant.now().minus(staleAfter));
    }

    private String staleMessage(SyncRun run) {
        return "Interrupted: node " + run.getNodeId() + " stopped sending heartbeats (last at "
                + (run.getHeartbeatAt() == null ? run.getStartedAt() : run.getHeartbeatAt())
                + "); the next run resumes from the watermarks";
    }

    private void announceInterrupted(SyncRun run) {
        log.warn("Sync run {} marked INTERRUPTED: {}", run.getId(), run.getMessage());
        ended(run);
    }

    /** Tells the listeners once the end is committed; a listener's failure never changes the run's outcome. */
    private SyncRun ended(SyncRun run) {
        runningHere.remove(run.getId());
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

    public Optional<SyncRun> running() {
        return runs.findFirstByTenantRefAndStatusOrderByIdDesc(connection.currentTenant().getId(), SyncRun.Status.RUNNING);
    }

    public String nodeId() {
        return node.nodeId();
    }
}
