package io.fieldsync.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fieldsync.xero.ElementResult;
import io.fieldsync.xero.XeroConnection;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes what happened to each record of a delivered batch: the link (local id to Xero id) and
 * SYNCED for an accepted element, FAILED with Xero's own words for a refused one. Links and
 * statuses of a batch are written in one transaction.
 */
@Component("recordOutcomes")
public class RecordOutcomes {

    private final XeroConnection connection;
    private final RecordLinkRepository links;
    private final RecordStatusRepository statuses;
    private final RunCounts counts;

    public RecordOutcomes(XeroConnection connection, RecordLinkRepository links, RecordStatusRepository statuses,
                          RunCounts counts) {
        this.connection = connection;
        this.links = links;
        this.statuses = statuses;
        this.counts = counts;
    }

    /** Adds {@code xero_id} to each field-service row already linked, so the mapping updates instead of creating. */
    public List<Map<String, Object>> withXeroIds(String entity, List<Map<String, Object>> rows) {
        Long tenant = connection.currentTenant().getId();
        List<Map<String, Object>> linked = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> copy = new HashMap<>(row);
            links.findByTenantRefAndEntityAndLocalId(tenant, entity, localId(row))
                    .ifPresent(link -> copy.put("xero_id", link.getXeroId()));
            linked.add(copy);
        }
        return linked;
    }

    @Transactional
    public void save(String entity, long runId, List<Map<String, Object>> rows, List<ElementResult> results) {
        if (rows.size() != results.size()) {
            throw new IllegalStateException("Xero answered " + results.size() + " elements for " + rows.size()
                    + " " + entity + " records");
        }
        Long tenant = connection.currentTenant().getId();
        int synced = 0;
        int failed = 0;
        for (int i = 0; i < rows.size(); i++) {
            long localId = localId(rows.get(i));
            ElementResult result = results.get(i);
            RecordStatus status = statuses.findByTenantRefAndEntityAndLocalId(tenant, entity, localId)
                    .orElseGet(() -> new RecordStatus(tenant, entity, localId));
            if (result.isOk()) {
                RecordLink link = links.findByTenantRefAndEntityAndLocalId(tenant, entity, localId)
                        .orElseGet(() -> new RecordLink(tenant, entity, localId, result.xeroId()));
                link.sent(result.xeroNumber(), null);
                links.save(link);
                status.record(RecordStatus.Outcome.SYNCED, null, runId);
                status.warn(result.messages().isEmpty() ? null : String.join("; ", result.messages()));
                synced++;
            } else {
                status.record(RecordStatus.Outcome.FAILED, String.join("; ", result.messages()), runId);
                failed++;
            }
            statuses.save(status);
        }
        counts.add(runId, entity, RecordStatus.Outcome.SYNCED, synced);
        counts.add(runId, entity, RecordStatus.Outcome.FAILED, failed);
    }

    private static long localId(Map<String, Object> row) {
        return ((Number) row.get("id")).longValue();
    }
}
