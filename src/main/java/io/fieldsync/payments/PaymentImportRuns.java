package io.fieldsync.payments;

import java.util.Optional;

import io.fieldsync.runs.SyncRuns;
import io.fieldsync.runs.SyncSteps;
import io.fieldsync.settings.MaintenanceWindows;
import io.fieldsync.state.SyncRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The payment import between syncs, as a run of its own: it takes the organisation as a sync does
 * ({@link SyncRuns}), so it never runs beside a sync or another node's import, and shows in the run
 * history (trigger SCHEDULED, entities {@value #STEP}). A sync in progress imports payments itself
 * as its last step, so the timer then simply lets it; nor does it start in a maintenance window.
 */
@Component("paymentImportRuns")
public class PaymentImportRuns {

    static final String STEP = "payment-import";
    static final String REQUESTED_BY = "payment import timer";
    private static final Logger log = LoggerFactory.getLogger(PaymentImportRuns.class);

    private final SyncRuns runs;
    private final SyncSteps steps;
    private final MaintenanceWindows maintenance;

    public PaymentImportRuns(SyncRuns runs, SyncSteps steps, MaintenanceWindows maintenance) {
        this.runs = runs;
        this.steps = steps;
        this.maintenance = maintenance;
    }

    /** Starts an import run now, unless payments are not pulled, a run is in progress or a maintenance window is on. */
    public Optional<SyncRun> startOnTimer() {
        if (!steps.pulls(PaymentImport.ENTITY)) {
            return Optional.empty();
        }
        if (maintenance.activeNow().isPresent()) {
            log.info("Payment import not started: a maintenance window is on");
            return Optional.empty();
        }
        return runs.startStepIfIdle(REQUESTED_BY, STEP, "direct:payment-import-run");
    }
}
