package io.fieldsync.state;

import java.util.List;

import io.fieldsync.xero.XeroConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an operator does with a record that did not sync: send it again in the next run (one,
 * or every FAILED record of an entity), or skip it until it changes. The schedule never retries
 * a FAILED record on its own: Xero would refuse the same payload again.
 */
@Component("recordActions")
public class RecordActions {

    private static final Logger log = LoggerFactory.getLogger(RecordActions.class);

    private final XeroConnection connection;
    private final RecordStatusRepository statuses;

    public RecordActions(XeroConnection connection, RecordStatusRepository statuses) {
        this.connection = connection;
        this.statuses = statuses;
    }

    /** Marks the record for the next run; a record never seen by a sync is marked too (it is read then anyway). */
    @Transactional
    public RecordStatus resync(String entity, long localId, String by) {
        Long tenant = connection.currentTenant().getId();
        RecordStatus status = statuses.findByTenantRefAndEntityAndLocalId(tenant, entity, localId)
                .orElseGet(() -> new RecordStatus(tenant, entity, localId));
        if (status.outcomeUnknown()) {
            throw new RecordActionRefusedException(entity + " " + localId + " was sent and its answer is still awaited;"
                    + " the next run looks it up in Xero before sending it again");
        }
        status.resyncRequested(by);
        log.info("{} {} marked for re-sync by {}", entity, localId, by);
        return statuses.save(status);
    }

    /** Every record of the entity in the given state (FAILED by default) goes again in the next run. */
    @Transactional
    public int resyncAll(String entity, RecordStatus.Outcome outcome, String by) {
        List<RecordStatus> found = statuses.findByTenantRefAndEntityAndStatus(connection.currentTenant().getId(), entity, outcome);
        found.forEach(status -> status.resyncRequested(by));
        statuses.saveAll(found);
        log.info("{} {} {} records marked for re-sync by {}", found.size(), outcome, entity, by);
        return found.size();
    }

    /** Only a FAILED record can be skipped: the others are in Xero, waiting, or skipped already. */
    @Transactional
    public RecordStatus skip(String entity, long localId, String by, String reason) {
        RecordStatus status = statuses.findByTenantRefAndEntityAndLocalId(connection.currentTenant().getId(), entity, localId)
                .orElseThrow(() -> new java.util.NoSuchElementException("No sync status for " + entity + " " + localId));
        if (status.getStatus() != RecordStatus.Outcome.FAILED) {
            throw new RecordActionRefusedException(entity + " " + localId + " is " + status.getStatus() + ": only FAILED records can be skipped");
        }
        status.skippedByOperator(by, reason);
        log.info("{} {} skipped by {}", entity, localId, by);
        return statuses.save(status);
    }
}
