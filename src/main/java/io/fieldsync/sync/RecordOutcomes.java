package io.fieldsync.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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
        Map<Long, RecordLink> linksOfBatch = linksOf(entity, rows);
        List<Map<String, Object>> linked = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> copy = new HashMap<>(row);
            RecordLink link = linksOfBatch.get(localId(row));
            if (link != null) {
                copy.put("xero_id", link.getXeroId());
            }
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
        Map<Long, RecordLink> linksOfBatch = linksOf(entity, rows);
        Map<Long, RecordStatus> statusesOfBatch = statuses.findByTenantRefAndEntityAndLocalIdIn(tenant, entity, localIds(rows))
                .stream().collect(Collectors.toMap(RecordStatus::getLocalId, Function.identity()));
        int synced = 0;
        int failed = 0;
        for (int i = 0; i < rows.size(); i++) {
            long localId = localId(rows.get(i));
            ElementResult result = results.get(i);
            RecordStatus status = statusesOfBatch.computeIfAbsent(localId, id -> new RecordStatus(tenant, entity, id));
            if (result.isOk()) {
                RecordLink link = linksOfBatch.computeIfAbsent(localId, id -> new RecordLink(tenant, entity, id, result.xeroId()));
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

    /** The links of a whole batch in one query, by local id. */
    private Map<Long, RecordLink> linksOf(String entity, List<Map<String, Object>> rows) {
        Long tenant = connection.currentTenant().getId();
        return links.findByTenantRefAndEntityAndLocalIdIn(tenant, entity, localIds(rows)).stream()
                .collect(Collectors.toMap(RecordLink::getLocalId, Function.identity()));
    }

    private static List<Long> localIds(List<Map<String, Object>> rows) {
        return rows.stream().map(RecordOutcomes::localId).toList();
    }

    private static long localId(Map<String, Object> row) {
        return ((Number) row.get("id")).longValue();
    }
}
