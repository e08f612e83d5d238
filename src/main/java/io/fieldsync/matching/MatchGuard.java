package io.fieldsync.matching;

import io.fieldsync.runs.SyncAlreadyRunningException;
import io.fieldsync.runs.SyncRuns;
import io.fieldsync.xero.XeroConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Matching changes links, so it keeps out of a running sync's way (a push creating the contact that
 * is being linked would make two), and two operators' matching calls take turns on the
 * organisation's row, on every node.
 */
@Component
public class MatchGuard {

    private final SyncRuns runs;
    private final XeroConnection connection;
    private final JdbcTemplate state;

    public MatchGuard(SyncRuns runs, XeroConnection connection, JdbcTemplate state) {
        this.runs = runs;
        this.connection = connection;
        this.state = state;
    }

    /** Refuses (409 with the running sync) while a sync runs. */
    public void noSyncRunning() {
        runs.running().ifPresent(running -> {
            throw new SyncAlreadyRunningException(running);
        });
    }

    /** The tenant's id, without a lock (for reads before the decision's transaction). */
    public long tenant() {
        return connection.currentTenant().getId();
    }

    /** Inside a transaction: holds the organisation's row until it ends; returns the tenant's id. */
    public long lockTenant() {
        long tenant = connection.currentTenant().getId();
        state.queryForObject("select id from xero_tenant where id = ? for update", Long.class, tenant);
        return tenant;
    }
}
