package io.fieldsync.matching;

import io.fieldsync.runs.OrganisationHolds;
import io.fieldsync.runs.SyncAlreadyRunningException;
import io.fieldsync.runs.SyncRuns;
import io.fieldsync.xero.XeroConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Matching changes links, so it keeps out of a running sync's way (a push creating the contact that
 * is being linked would make two), and two operators' matching calls take turns on the
 * organisation's row, on every node. A matching run holds the organisation for its whole length
 * ({@link OrganisationHolds}: syncs asked for meanwhile are owed and start after it) but takes the
 * row's lock only to write what it found.
 */
@Component
public class MatchGuard {

    private final SyncRuns runs;
    private final OrganisationHolds holds;
    private final XeroConnection connection;
    private final JdbcTemplate state;

    public MatchGuard(SyncRuns runs, OrganisationHolds holds, XeroConnection connection, JdbcTemplate state) {
        this.runs = runs;
        this.holds = holds;
        this.connection = connection;
        this.state = state;
    }

    /** Holds the organisation for a matching run; refused (409) while a sync runs or another matching run holds it. */
    public OrganisationHolds.Hold holdFor(MatchKind kind, String by) {
        return holds.take("matching of " + kind.path() + " by " + by);
    }

    /**
     * Inside a transaction: holds the organisation's row until it ends and returns the tenant's
     * id; refused when the hold was lost meanwhile (no heartbeat for stale-after: a sync may run).
     */
    public long lockHeld(OrganisationHolds.Hold hold) {
        if (!holds.stillHeld(hold)) {
            throw new MatchRefusedException(hold.by() + " lost its hold on the organisation before it could write what it found;"
                    + " nothing was written: run it again", null, null);
        }
        return hold.tenant();
    }

    public void release(OrganisationHolds.Hold hold) {
        holds.release(hold);
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
