package io.fieldsync.api;

import java.util.List;

import io.fieldsync.runs.SyncRuns;
import io.fieldsync.state.SyncRun;
import org.springframework.jmx.export.annotation.ManagedAttribute;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The manual sync as a JMX operation, so an operator can start one from Hawtio's JMX tree
 * ({@code io.fieldsync > Syncs > startSync}). Hawtio calls it through Jolokia, behind the operator
 * login, so the run records who clicked.
 */
@Component
@ManagedResource(objectName = "io.fieldsync:type=Syncs,name=control", description = "Start a FieldSync sync by hand")
public class SyncControl {

    private final SyncRuns syncRuns;

    public SyncControl(SyncRuns syncRuns) {
        this.syncRuns = syncRuns;
    }

    @ManagedOperation(description = "Start a full sync now (refused while one is running or in a maintenance window)")
    public String startSync() {
        try {
            SyncRun run = syncRuns.start(SyncRun.Trigger.MANUAL, who(), List.of());
            return "Sync " + run.getId() + " started";
        } catch (RuntimeException refused) {
            // JMX clients show the answer; an exception would show as a stack trace in Hawtio
            return "Not started: " + refused.getMessage();
        }
    }

    @ManagedAttribute(description = "The id of the sync in progress, or -1")
    public long getRunningSyncId() {
        return syncRuns.running().map(SyncRun::getId).orElse(-1L);
    }

    private static String who() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "jmx" : authentication.getName() + " (Hawtio/JMX)";
    }
}
