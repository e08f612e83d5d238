package io.fieldsync.schedule;

import java.util.Date;

import io.fieldsync.xero.TokenRefreshSettings;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The token keep-alive as a Quartz trigger in the clustered JDBC job store: every
 * {@code fieldsync.xero.token-refresh.check-every}, on one node of the cluster, {@link TokenRefreshJob}
 * refreshes the Xero connection's tokens if no sync did for {@code after}. A node replaces the
 * stored trigger only when the interval differs, so a restart does not move the next check.
 */
@Component
public class TokenRefreshSchedule {

    public static final JobKey JOB = JobKey.jobKey("xero-token-refresh", "fieldsync");
    public static final TriggerKey TRIGGER = TriggerKey.triggerKey("xero-token-refresh", "fieldsync");
    private static final Logger log = LoggerFactory.getLogger(TokenRefreshSchedule.class);

    private final Scheduler scheduler;
    private final TokenRefreshSettings settings;

    public TokenRefreshSchedule(Scheduler scheduler, TokenRefreshSettings settings) {
        this.scheduler = scheduler;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void apply() throws SchedulerException {
        scheduler.addJob(JobBuilder.newJob(TokenRefreshJob.class).withIdentity(JOB)
                .withDescription("Refreshes the Xero connection's tokens no sync refreshed lately, before Xero's 60-day expiry")
                .storeDurably().build(), true);
        long every = settings.checkEvery().toMillis();
        Trigger existing = scheduler.getTrigger(TRIGGER);
        if (existing instanceof SimpleTrigger simple && simple.getRepeatInterval() == every) {
            return; // stored by this node earlier or by another: keep its next fire time
        }
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(JOB)
                .withDescription("Xero token keep-alive, every " + settings.checkEvery())
                .startAt(new Date(System.currentTimeMillis() + every))
                // a check missed while every node was down runs once when one is back
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every).repeatForever()
                        .withMisfireHandlingInstructionNowWithRemainingCount())
                .build();
        try {
            if (existing == null) {
                scheduler.scheduleJob(trigger);
            } else {
                scheduler.rescheduleJob(TRIGGER, trigger);
            }
        } catch (ObjectAlreadyExistsException anotherNodeWasFirst) {
            scheduler.rescheduleJob(TRIGGER, trigger);
        }
        log.info("Xero token keep-alive: every {}, refreshing tokens older than {}", settings.checkEvery(), settings.after());
    }
}
