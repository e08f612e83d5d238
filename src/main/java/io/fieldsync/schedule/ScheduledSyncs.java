package io.fieldsync.schedule;

import java.time.ZonedDateTime;
import java.util.Optional;

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
 * window's end; while a run is in progress it is owed and starts once after that run; otherwise
 * it starts now. Never lost, never in parallel.
 */
@Component("scheduledSyncs")
public class ScheduledSyncs {

    private static final Logger log = LoggerFactory.getLogger(ScheduledSyncs.class);

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
        } catch (SchedulerException | RuntimeException e) {
            // Quartz would only log it too; say what did not happen
            log.error("The scheduled sync could not start: {}", e.toString(), e);
        }
    }

    /** A run ended: the run a trigger left owing starts now (or at the end of a maintenance window). */
    @EventListener
    public void onRunEnded(SyncRunEnded ended) {
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
            log.error("The owed scheduled sync could not start after run {}: {}", ended.run().getId(), e.toString(), e);
        }
    }
}
