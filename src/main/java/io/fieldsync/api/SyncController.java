package io.fieldsync.api;

import java.security.Principal;
import java.util.List;

import io.fieldsync.runs.DailyRunTotals;
import io.fieldsync.runs.RunSteps;
import io.fieldsync.runs.SyncRuns;
import io.fieldsync.settings.SyncEntities;
import io.fieldsync.state.SyncRun;
import io.fieldsync.state.SyncRunRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Manual syncs, their history, a run's timeline and the runs per day. */
@RestController
@RequestMapping("/api/syncs")
public class SyncController {

    private final SyncRuns syncRuns;
    private final SyncRunRepository runs;
    private final SyncRunViews views;
    private final RunSteps steps;
    private final DailyRunTotals daily;

    public SyncController(SyncRuns syncRuns, SyncRunRepository runs, SyncRunViews views, RunSteps steps, DailyRunTotals daily) {
        this.syncRuns = syncRuns;
        this.runs = runs;
        this.views = views;
        this.steps = steps;
        this.daily = daily;
    }

    public record SyncRequest(List<String> entities) {
    }

    @PostMapping
    public ResponseEntity<SyncRunView> start(@RequestBody(required = false) SyncRequest request, Principal who) {
        List<String> entities = request == null || request.entities() == null ? List.of() : request.entities();
        for (String entity : entities) {
            if (!SyncEntities.known(entity)) {
                throw new BadRequestException("Unknown entity '" + entity + "'; known: " + String.join(", ", SyncEntities.NAMES), "entities");
            }
        }
        SyncRun run = syncRuns.start(SyncRun.Trigger.MANUAL, who.getName(), entities);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(views.of(run));
    }

    @GetMapping("/{id}")
    public SyncRunView get(@PathVariable long id) {
        return runs.findById(id).map(views::of).orElseThrow(() -> new NotFoundException("No sync " + id));
    }

    @GetMapping
    public List<SyncRunView> history(@RequestParam(defaultValue = "20") int limit) {
        int size = Math.max(1, Math.min(limit, 500));
        return views.of(runs.findByOrderByIdDesc(PageRequest.of(0, size)));
    }

    /** The run's steps in order, each with its start, end and outcomes. */
    @GetMapping("/{id}/timeline")
    public List<RunSteps.Step> timeline(@PathVariable long id) {
        if (!runs.existsById(id)) {
            throw new NotFoundException("No sync " + id);
        }
        return steps.of(id);
    }

    /** Runs and outcomes per day in the schedule's zone, oldest first, every day present: the console's plot. */
    @GetMapping("/daily")
    public List<DailyRunTotals.Day> daily(@RequestParam(defaultValue = "30") int days) {
        if (days < 1 || days > 366) {
            throw new BadRequestException("days must be 1 to 366, not " + days, "days");
        }
        return daily.lastDays(days);
    }
}
