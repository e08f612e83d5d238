package io.fieldsync.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;

import io.fieldsync.settings.ScheduleSettings;
import io.fieldsync.settings.SettingsChanged;
import org.quartz.CalendarIntervalScheduleBuilder;
import org.quartz.CronScheduleBuilder;
import org.quartz.DateBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.ScheduleBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The automatic sync as Quartz triggers in the clustered JDBC job store on the state database:
 * every node sees the same schedule and Quartz lets exactly one node fire each time. The
 * schedule comes from {@code fieldsync.schedule.*} at start-up and again whenever the settings
 * API changes it; a node only replaces the stored trigger when the schedule differs, so a
 * restart does not move the next run.
 */
@Component("syncSchedule")
public class SyncSchedule {

    public static final JobKey JOB = JobKey.jobKey("scheduled-sync", "fieldsync");
    public static final TriggerKey REGULAR = TriggerKey.triggerKey("schedule", "fieldsync");
    /** A run the schedule wanted during a maintenance window, fired once at the window's end. */
    public static final TriggerKey POSTPONED = TriggerKey.triggerKey("postponed", "fieldsync");
    /** A scheduled or webhook sync that could not start for a passing database trouble, tried again. */
    public static final TriggerKey RETRY = TriggerKey.triggerKey("retry", "fieldsync");
    private static final String SPEC = "spec";
    private static final Logger log = LoggerFactory.getLogger(SyncSchedule.class);

    private final Scheduler scheduler;
    private final ScheduleSettings settings;

    public SyncSchedule(Scheduler scheduler, ScheduleSettings settings) {
        this.scheduler = scheduler;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onStart() throws SchedulerException {
        apply();
    }

    @EventListener
    public void onSettingsChanged(SettingsChanged changed) {
        if (changed.touches("fieldsync.schedule.")) {
            try {
                apply();
            } catch (SchedulerException | RuntimeException e) {
                // the settings are stored; the next change, restart or node applies them
                log.error("The changed schedule could not be stored in Quartz: {}", e.toString(), e);
            }
        }
    }

    /** Makes the stored trigger match the settings. */
    public synchronized void apply() throws SchedulerException {
        scheduler.addJob(JobBuilder.newJob(ScheduledSyncJob.class).withIdentity(JOB)
                .withDescription("Starts a scheduled sync (or owes one while a run is in progress)")
                .storeDurably().build(), true);
        String spec = settings.describe();
        Trigger existing = scheduler.getTrigger(REGULAR);
        if ("none".equals(spec)) {
            if (existing != null) {
                scheduler.unscheduleJob(REGULAR);
                log.info("Automatic sync switched off");
            }
            return;
        }
        if (existing != null && spec.equals(existing.getJobDataMap().getString(SPEC))) {
            return; // the same schedule, stored by this node earlier or by another node: keep its next fire time
        }
        Trigger trigger = build(spec);
        try {
            if (existing == null) {
                scheduler.scheduleJob(trigger);
            } else {
                scheduler.rescheduleJob(REGULAR, trigger);
            }
        } catch (ObjectAlreadyExistsException anotherNodeWasFirst) {
            scheduler.rescheduleJob(REGULAR, trigger);
        }
        log.info("Automatic sync: {}; next run {}", spec, nextRun().map(Object::toString).orElse("none"));
    }

    /** Fires the sync job once at the end of a maintenance window (replacing an earlier postponement). */
    public void postponeUntil(ZonedDateTime end) throws SchedulerException {
        put(POSTPONED, TriggerBuilder.newTrigger().withIdentity(POSTPONED).forJob(JOB)
                .withDescription("scheduled sync postponed by a maintenance window")
                .startAt(Date.from(end.toInstant()))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build());
        log.info("Scheduled sync postponed to the end of the maintenance window at {}", end.toOffsetDateTime());
    }

    /**
     * The sync {@code requestedBy} asked for could not start (the organisation's lock was held too
     * long, the state store was away for a moment): it fires again at {@code at}, for the same
     * requester, rather than being lost.
     */
    public void tryAgainAt(Instant at, String requestedBy) throws SchedulerException {
        put(RETRY, TriggerBuilder.newTrigger().withIdentity(RETRY).forJob(JOB)
                .withDescription("a sync that could not start, tried again")
                .usingJobData(WebhookSyncs.REQUESTED_BY, requestedBy)
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build());
    }

    private void put(TriggerKey key, Trigger trigger) throws SchedulerException {
        if (scheduler.checkExists(key)) {
            scheduler.rescheduleJob(key, trigger);
        } else {
            try {
                scheduler.scheduleJob(trigger);
            } catch (ObjectAlreadyExistsException anotherNodeWasFirst) {
                scheduler.rescheduleJob(key, trigger);
            }
        }
    }

    /** When the next automatic sync fires (the regular schedule or a postponed run, whichever is first). */
    public Optional<java.time.Instant> nextRun() throws SchedulerException {
        java.time.Instant next = null;
        for (TriggerKey key : new TriggerKey[] {REGULAR, POSTPONED, RETRY}) {
            Trigger trigger = scheduler.getTrigger(key);
            if (trigger != null && trigger.getNextFireTime() != null) {
                java.time.Instant at = trigger.getNextFireTime().toInstant();
                next = next == null || at.isBefore(next) ? at : next;
            }
        }
        return Optional.ofNullable(next);
    }

    private Trigger build(String spec) {
        ZoneId zone = settings.zone();
        TriggerBuilder<Trigger> trigger = TriggerBuilder.newTrigger().withIdentity(REGULAR).forJob(JOB)
                .withDescription("automatic sync: " + spec).usingJobData(SPEC, spec);
        if (settings.cron() != null) {
            return trigger.withSchedule(CronScheduleBuilder.cronSchedule(settings.cron())
                    .inTimeZone(TimeZone.getTimeZone(zone)).withMisfireHandlingInstructionFireAndProceed()).build();
        }
        Duration every = settings.every();
        ZonedDateTime first = firstRunAtOrAfter(settings.start(), every, ZonedDateTime.now(zone), zone);
        return trigger.startAt(Date.from(first.toInstant())).withSchedule(interval(every, zone)).build();
    }

    /** A missed fire (every node down at the time) runs once when a node is back, then the schedule goes on. */
    private static ScheduleBuilder<?> interval(Duration every, ZoneId zone) {
        CalendarIntervalScheduleBuilder builder = CalendarIntervalScheduleBuilder.calendarIntervalSchedule()
                .inTimeZone(TimeZone.getTimeZone(zone)).withMisfireHandlingInstructionFireAndProceed();
        long seconds = every.toSeconds();
        if (seconds % 86_400 == 0) {
            // whole days keep their time of day across daylight-saving changes
            return builder.withInterval((int) (seconds / 86_400), DateBuilder.IntervalUnit.DAY)
                    .preserveHourOfDayAcrossDaylightSavings(true);
        }
        if (seconds % 3600 == 0) {
            return builder.withInterval((int) (seconds / 3600), DateBuilder.IntervalUnit.HOUR);
        }
        if (seconds % 60 == 0) {
            return builder.withInterval((int) (seconds / 60), DateBuilder.IntervalUnit.MINUTE);
        }
        return builder.withInterval((int) seconds, DateBuilder.IntervalUnit.SECOND);
    }

    /**
     * The first time of the series start, start + every, ... that is not before now: a start in
     * the past does not fire at once, it continues the series the person set.
     */
    static ZonedDateTime firstRunAtOrAfter(LocalDateTime start, Duration every, ZonedDateTime now, ZoneId zone) {
        if (start == null) {
            return now;
        }
        ZonedDateTime run = start.atZone(zone);
        if (!run.isBefore(now)) {
            return run;
        }
        long seconds = every.toSeconds();
        if (seconds % 86_400 == 0) {
            long days = seconds / 86_400;
            run = run.plusDays(ChronoUnit.DAYS.between(run, now) / days * days);
            while (run.isBefore(now)) {
                run = run.plusDays(days);
            }
            return run;
        }
        run = run.plus(every.multipliedBy(Duration.between(run, now).toMillis() / every.toMillis()));
        while (run.isBefore(now)) {
            run = run.plus(every);
        }
        return run;
    }
}
