package io.fieldsync.reconcile;

import java.util.TimeZone;

import io.fieldsync.settings.ReconciliationProperties;
import io.fieldsync.settings.ScheduleProperties;
import org.apache.camel.ProducerTemplate;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.springframework.stereotype.Component;

/**
 * The monthly reconciliation report ({@code fieldsync.reconciliation.monthly-report}): a Quartz job
 * in the clustered job store (so one node of a cluster mails it) that asks the mail-reconciliation
 * route for last month. Switched off, its trigger is removed from the store.
 */
@Component
public class MonthlyReconciliation {

    static final JobKey JOB = JobKey.jobKey("reconcile-monthly", "fieldsync");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("reconcile-monthly", "fieldsync");
    private static final Logger log = LoggerFactory.getLogger(MonthlyReconciliation.class);

    private final Scheduler quartz;
    private final boolean enabled;
    private final String cron;
    private final String zone;

    public MonthlyReconciliation(Scheduler quartz, ReconciliationProperties settings, ScheduleProperties schedule) {
        this.quartz = quartz;
        this.enabled = settings.monthlyReport();
        this.cron = settings.monthlyCron();
        this.zone = schedule.zone();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void schedule() throws SchedulerException {
        if (!enabled) {
            quartz.deleteJob(JOB);
            return;
        }
        var job = JobBuilder.newJob(Job.class).withIdentity(JOB).storeDurably().build();
        var trigger = TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(JOB)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(
                        zone == null || zone.isBlank() ? TimeZone.getDefault() : TimeZone.getTimeZone(zone.trim())))
                .build();
        quartz.addJob(job, true);
        if (quartz.checkExists(TRIGGER)) {
            quartz.rescheduleJob(TRIGGER, trigger);
        } else {
            quartz.scheduleJob(trigger);
        }
        log.info("Monthly reconciliation report scheduled ({}), next {}", cron, quartz.getTrigger(TRIGGER).getNextFireTime());
    }

    /** What Quartz runs on the chosen node. */
    @DisallowConcurrentExecution
    public static class Job extends QuartzJobBean {

        @Autowired
        private ProducerTemplate camel;

        @Autowired
        private ReconciliationPeriods periods;

        @Override
        protected void executeInternal(JobExecutionContext context) {
            Period period = periods.lastMonth();
            try {
                camel.requestBody("direct:mail-reconciliation", period);
            } catch (RuntimeException e) {
                log.warn("Monthly reconciliation report for {} failed: {}", period, e.getMessage());
            }
        }
    }
}
