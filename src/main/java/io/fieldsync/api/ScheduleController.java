package io.fieldsync.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fieldsync.runs.SyncRuns;
import io.fieldsync.schedule.SyncSchedule;
import io.fieldsync.settings.MaintenanceWindows;
import io.fieldsync.settings.ScheduleSettings;
import io.fieldsync.state.SyncRun;
import org.quartz.SchedulerException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the schedule will do next: the operator's "when does it run again?" */
@RestController
public class ScheduleController {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScheduleView(String schedule, Instant nextRun, Long runningSyncId, boolean runOwed,
                               String maintenanceUntil) {
    }

    private final SyncSchedule schedule;
    private final ScheduleSettings settings;
    private final SyncRuns syncRuns;
    private final MaintenanceWindows maintenance;

    public ScheduleController(SyncSchedule schedule, ScheduleSettings settings, SyncRuns syncRuns, MaintenanceWindows maintenance) {
        this.schedule = schedule;
        this.settings = settings;
        this.syncRuns = syncRuns;
        this.maintenance = maintenance;
    }

    @GetMapping("/api/schedule")
    public ScheduleView schedule() throws SchedulerException {
        return new ScheduleView(settings.describe(), schedule.nextRun().orElse(null),
                syncRuns.running().map(SyncRun::getId).orElse(null), syncRuns.runOwed(),
                maintenance.activeNow().map(until -> until.toOffsetDateTime().toString()).orElse(null));
    }
}
