package io.fieldsync.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** What Quartz runs when the schedule fires (on one node of the cluster): hands over to {@link ScheduledSyncs}. */
@DisallowConcurrentExecution
public class ScheduledSyncJob extends QuartzJobBean {

    @Autowired
    private ScheduledSyncs scheduledSyncs;

    @Override
    protected void executeInternal(JobExecutionContext context) {
        String requestedBy = context.getTrigger().getJobDataMap().getString(WebhookSyncs.REQUESTED_BY);
        scheduledSyncs.fire(requestedBy != null ? requestedBy : context.getTrigger().getKey().equals(SyncSchedule.POSTPONED)
                ? "schedule (postponed by a maintenance window)" : "schedule");
    }
}
