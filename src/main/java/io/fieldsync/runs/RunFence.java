package io.fieldsync.runs;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The check that a run still owns its organisation, made in the transaction of every batch sent,
 * outcome written and watermark moved: the run's epoch must still be the organisation's, read
 * under a lock on the organisation's row. A start (or another node ending the run) moves the
 * epoch under the same lock, so once it has committed no write of the old run can commit: the old
 * run gets {@link RunFencedException} at its next step. Two primary-key reads per batch or page.
 */
@Component("runFence")
public class RunFence {

    private final JdbcTemplate state;

    public RunFence(JdbcTemplate state) {
        this.state = state;
    }

    /**
     * Throws {@link RunFencedException} unless the run still owns its organisation. Inside a
     * transaction the organisation's row stays locked until it ends, so no start slips in
     * between this check and the caller's writes.
     */
    public void check(long runId) {
        List<Map<String, Object>> run = state.queryForList(
                "select tenant_ref, run_epoch, status from sync_run where id = ?", runId);
        if (run.isEmpty()) {
            throw new RunFencedException("Sync " + runId + " is gone from the state store; it stops");
        }
        long tenant = ((Number) run.get(0).get("tenant_ref")).longValue();
        long epoch = ((Number) run.get(0).get("run_epoch")).longValue();
        Long current = state.queryForObject("select run_epoch from xero_tenant where id = ? for update", Long.class, tenant);
        if (current == null || current != epoch || !"RUNNING".equals(run.get(0).get("status"))) {
            throw new RunFencedException(lost(runId, tenant, current, String.valueOf(run.get(0).get("status"))));
        }
    }

    private String lost(long runId, long tenant, Long epoch, String status) {
        List<Map<String, Object>> owner = state.queryForList(
                "select id, node_id from sync_run where tenant_ref = ? and run_epoch = ? and id <> ? order by id desc",
                tenant, epoch, runId);
        if (!owner.isEmpty()) {
            return "Sync " + runId + " lost its organisation to sync " + owner.get(0).get("id") + " (node "
                    + owner.get(0).get("node_id") + "); it stops and sends nothing more";
        }
        return "Sync " + runId + " lost its organisation: it was marked " + status
                + " by another node or process; it stops and sends nothing more";
    }
}
