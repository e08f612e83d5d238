package io.fieldsync.runs;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.fieldsync.settings.SyncProperties;
import io.fieldsync.state.SyncRun;
import io.fieldsync.state.SyncRunRepository;
import io.fieldsync.xero.XeroConnection;
import io.fieldsync.xero.XeroTenant;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work other than a sync that must not run beside one (a matching run changes links a push
 * would act on) holds the organisation: taken and ended under the organisation's row lock, as a
 * sync's start is, but without keeping that lock while the work runs, so nothing waits on it.
 * While held, a scheduled sync is owed and a manual one refused ({@link SyncRuns}); its end
 * publishes {@link OrganisationReleased}, on which the owed sync starts. The holder's node renews
 * a heartbeat; a hold without one for {@code stale-after} (its node died) is ended by any node.
 */
@Component("organisationHolds")
public class OrganisationHolds {

    private static final Logger log = LoggerFactory.getLogger(OrganisationHolds.class);

    /** One hold: whose organisation, its id (what the holder checks it still has), what holds it. */
    public record Hold(long tenant, String id, String by) {
    }

    private final XeroConnection connection;
    private final SyncRunRepository runs;
    private final EntityManager entities;
    private final TransactionTemplate transaction;
    private final JdbcTemplate state;
    private final ApplicationEventPublisher events;
    private final Duration staleAfter;
    /** The holds this node's work has: the ones it keeps alive with heartbeats. */
    private final Map<String, Hold> heldHere = new ConcurrentHashMap<>();

    public OrganisationHolds(XeroConnection connection, SyncRunRepository runs, EntityManager entities,
                             TransactionTemplate transaction, JdbcTemplate state, ApplicationEventPublisher events,
                             SyncProperties sync) {
        this.connection = connection;
        this.runs = runs;
        this.entities = entities;
        this.transaction = transaction;
        this.state = state;
        this.events = events;
        this.staleAfter = sync.staleAfter();
    }

    /**
     * Holds the current organisation for {@code by} ("matching of contacts by alice"). Refused with
     * {@link SyncAlreadyRunningException} while a sync runs, and with
     * {@link OrganisationHeldException} while another hold lasts.
     */
    public Hold take(String by) {
        long tenant = connection.currentTenant().getId();
        Hold hold = new Hold(tenant, UUID.randomUUID().toString(), by);
        transaction.executeWithoutResult(status -> {
            XeroTenant locked = entities.find(XeroTenant.class, tenant, LockModeType.PESSIMISTIC_WRITE);
            Optional<SyncRun> running = runs.findFirstByTenantRefAndStatusOrderByIdDesc(tenant, SyncRun.Status.RUNNING);
            if (running.isPresent()) {
                throw new SyncAlreadyRunningException(running.get());
            }
            heldBy(locked).ifPresent(other -> {
                throw new OrganisationHeldException(other);
            });
            locked.hold(hold.id(), by, Instant.now());
        });
        heldHere.put(hold.id(), hold);
        return hold;
    }

    /**
     * What holds the organisation now, if anything, read under its lock. A hold whose heartbeat
     * stopped does not count, and is ended: its holder, should it be alive after all, finds it gone.
     */
    public Optional<String> heldBy(XeroTenant locked) {
        if (locked.getHoldId() == null) {
            return Optional.empty();
        }
        if (stale(locked)) {
            log.warn("{} held the organisation without a heartbeat for {} (its node stopped): the hold is ended", locked.getHoldBy(),
                    staleAfter);
            locked.releaseHold();
            return Optional.empty();
        }
        return Optional.of(locked.getHoldBy());
    }

    /** Inside a transaction: takes the organisation's lock (until the transaction ends) and tells whether the hold is still there. */
    public boolean stillHeld(Hold hold) {
        XeroTenant locked = entities.find(XeroTenant.class, hold.tenant(), LockModeType.PESSIMISTIC_WRITE);
        return locked != null && hold.id().equals(locked.getHoldId());
    }

    /** Ends the hold (if it is still this one) and publishes {@link OrganisationReleased}. */
    public void release(Hold hold) {
        heldHere.remove(hold.id());
        boolean released = Boolean.TRUE.equals(transaction.execute(status -> {
            XeroTenant locked = entities.find(XeroTenant.class, hold.tenant(), LockModeType.PESSIMISTIC_WRITE);
            if (locked == null || !hold.id().equals(locked.getHoldId())) {
                return false;
            }
            locked.releaseHold();
            return true;
        }));
        if (released) {
            events.publishEvent(new OrganisationReleased(hold.tenant(), hold.by()));
        } else {
            log.warn("{} ended, but it had lost its hold on the organisation meanwhile (no heartbeat for {})", hold.by(), staleAfter);
        }
    }

    /** Renews the heartbeat of this node's holds. */
    public void heartbeat() {
        Timestamp now = Timestamp.from(Instant.now());
        heldHere.values().forEach(hold -> state.update("update xero_tenant set hold_heartbeat_at = ? where id = ? and hold_id = ?",
                now, hold.tenant(), hold.id()));
    }

    /** Ends the holds whose node stopped renewing them (killed, cut off), so the syncs owed meanwhile start. */
    public void endStale() {
        Timestamp before = Timestamp.from(Instant.now().minus(staleAfter));
        for (Map<String, Object> row : state.queryForList(
                "select id, hold_id, hold_by from xero_tenant where hold_id is not null and hold_heartbeat_at < ?", before)) {
            long tenant = ((Number) row.get("id")).longValue();
            String id = (String) row.get("hold_id");
            if (heldHere.containsKey(id)) {
                continue;
            }
            boolean ended = Boolean.TRUE.equals(transaction.execute(status -> {
                XeroTenant locked = entities.find(XeroTenant.class, tenant, LockModeType.PESSIMISTIC_WRITE);
                if (!id.equals(locked.getHoldId()) || !stale(locked)) {
                    return false;
                }
                locked.releaseHold();
                return true;
            }));
            if (ended) {
                log.warn("{} held the organisation without a heartbeat for {} (its node stopped): the hold is ended", row.get("hold_by"),
                        staleAfter);
                events.publishEvent(new OrganisationReleased(tenant, (String) row.get("hold_by")));
            }
        }
    }

    private boolean stale(XeroTenant locked) {
        return !heldHere.containsKey(locked.getHoldId())
                && (locked.getHoldHeartbeatAt() == null || locked.getHoldHeartbeatAt().isBefore(Instant.now().minus(staleAfter)));
    }
}
