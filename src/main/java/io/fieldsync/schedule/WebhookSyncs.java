package io.fieldsync.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import io.fieldsync.config.LiveSettings;
import io.fieldsync.xero.XeroClientProperties;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A sync soon after Xero reports changed contacts or invoices: one Quartz trigger in the
 * clustered job store, {@code fieldsync.xero.webhook-delay} (PT1M) after the first event; events
 * until it fires join it, so a burst of webhooks costs one run, on one node. The run is a normal
 * scheduled one (it waits while another runs, and for maintenance windows); its incremental reads
 * pick the changes up.
 */
@Component("webhookSyncs")
public class WebhookSyncs {

    public static final TriggerKey WEBHOOK = TriggerKey.triggerKey("webhook", "fieldsync");
    /** The run's "requested by", carried on the trigger to {@link ScheduledSyncJob}. */
    static final String REQUESTED_BY = "requestedBy";
    private static final Logger log = LoggerFactory.getLogger(WebhookSyncs.class);

    private final Scheduler scheduler;
    private final Environment environment;

    public WebhookSyncs(Scheduler scheduler, Environment environment) {
        this.scheduler = scheduler;
        this.environment = environment;
    }

    /** When the sync fires: the trigger already due, or a new one after the delay. */
    public Instant syncSoon(String why) throws SchedulerException {
        Trigger due = scheduler.getTrigger(WEBHOOK);
        if (due != null && due.getNextFireTime() != null) {
            return due.getNextFireTime().toInstant();
        }
        Instant at = Instant.now().plus(delay());
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(WEBHOOK).forJob(SyncSchedule.JOB)
                .withDescription("sync after a Xero webhook")
                .usingJobData(REQUESTED_BY, "Xero webhook (" + why + ")")
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            if (due != null) {
                scheduler.rescheduleJob(WEBHOOK, trigger); // one that fired and is being removed
            } else {
                scheduler.scheduleJob(trigger);
            }
        } catch (ObjectAlreadyExistsException anotherNodeWasFirst) {
            return Optional.ofNullable(scheduler.getTrigger(WEBHOOK)).map(Trigger::getNextFireTime)
                    .map(Date::toInstant).orElse(at);
        }
        log.info("Xero webhook ({}): a sync starts at {}", why, at);
        return at;
    }

    /** Read when used, so the settings API or the environment can change it without a restart. */
    Duration delay() {
        Duration delay = LiveSettings.bind(environment, XeroClientProperties.class).webhookDelay();
        return delay.isNegative() ? Duration.ZERO : delay;
    }
}
