package io.fieldsync.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;

import io.fieldsync.runs.OrganisationReleased;
import io.fieldsync.runs.SyncRunEnded;
import io.fieldsync.runs.SyncRuns;
import io.fieldsync.settings.MaintenanceWindows;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a scheduled trigger does: during a maintenance window the run is postponed to the
 * window's end; while a run is in progress, or a matching run holds the organisation, it is owed
 * and starts once after that ends; otherwise it starts now. One that cannot start for a passing
 * database trouble (a lock held longer than a start waits, a state store failover) is tried again
 * a minute later. Never lost, never in parallel.
 */
@Component("scheduledSyncs")
public class ScheduledSyncs {

    private static final Logger log = LoggerFactory.getLogger(ScheduledSyncs.class);
    static final Duration TRY_AGAIN_AFTER = Duration.ofMinutes(1);

    private final SyncRuns syncRuns;
    private final SyncSchedule schedule;
    private final MaintenanceWindows maintenance;

    public ScheduledSyncs(SyncRuns syncRuns, SyncSchedule schedule, MaintenanceWindows maintenance) {
        this.syncRuns = syncRuns;
        this.schedule = schedule;
        this.maintenance = maintenance;
    }

    public void fire(String requestedBy) {
        try {
            Optional<ZonedDateTime> window = maintenance.activeNow();
            if (window.isPresent()) {
                schedule.postponeUntil(window.get());
                return;
            }
            syncRuns.startOrOwe(requestedBy);
        } catch (RuntimeException e) {
            if (!PassingTrouble.of(e)) {
                // Quartz would only log it too; say what did not happen
                log.error("The sync requested by {} could not start: {}", requestedBy, e.toString(), e);
                return;
            }
            tryAgain(requestedBy, e);
        } catch (SchedulerException e) {
            log.error("The scheduled sync could not be postponed: {}", e.toString(), e);
        }
    }

    private void tryAgain(String requestedBy, RuntimeException why) {
        Instant again = Instant.now().plus(TRY_AGAIN_AFTER);
        try {
            schedule.tryAgainAt(again, requestedBy);
            log.warn("The sync requested by {} could not start now ({}); it is tried again at {}", requestedBy, why.toString(), again);
        } catch (SchedulerException | RuntimeException e) {
            log.error("The sync requested by {} could not start ({}) nor be tried again later: {}", requestedBy, why, e.toString(), e);
        }
    }

    /** A run ended: the run a trigger left owing starts now (or at the end of a maintenance window). */
    @EventListener
    public void onRunEnded(SyncRunEnded ended) {
        startOwed("run " + ended.run().getId());
    }

    /** A matching run (or other hold) ended: the run a trigger left owing meanwhile starts now. */
    @EventListener
    public void onOrganisationReleased(OrganisationReleased released) {
        startOwed(released.heldBy());
    }

    private void startOwed(String after) {
        try {
            if (!syncRuns.runOwed()) {
                return;
            }
            Optional<ZonedDateTime> window = maintenance.activeNow();
            if (window.isPresent()) {
                schedule.postponeUntil(window.get());
            } else {
                syncRuns.startOwedRun();
            }
        } catch (SchedulerException | RuntimeException e) {
            log.error("The owed scheduled sync could not start after {}: {}", after, e.toString(), e);
        }
    }
}
