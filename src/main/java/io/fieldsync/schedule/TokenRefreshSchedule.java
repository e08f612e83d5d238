package io.fieldsync.schedule;

import org.quartz.JobKey;
import org.quartz.TriggerKey;

public class TokenRefreshSchedule {
    public static final JobKey JOB = JobKey.jobKey("xero-token-refresh", "fieldsync");
    public static final TriggerKey TRIGGER = TriggerKey.triggerKey("xero-token-refresh", "fieldsync");
}
