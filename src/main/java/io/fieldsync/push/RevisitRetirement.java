package io.fieldsync.push;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fieldsync.runs.RunCounts;
import io.fieldsync.runs.RunFence;
import io.fieldsync.state.RecordStatus;
import io.fieldsync.state.RecordStatusRepository;
import io.fieldsync.xero.XeroConnection;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the records looked at again every run to those that can still change their outcome. A
 * page of them ({@code revisitIds}) is read from the field-service database by id with the push's
 * own query; one that query no longer returns was deleted or no longer qualifies (a bill's order
 * reopened), so it waits on nothing that can arrive without its row changing, and a changed row
 * is read again through the keyset anyway. It is retired ({@link RecordStatus#goneFromSource}):
 * out of the set, its attempt kept if it had one.
 */
@Component("revisitRetirement")
public class RevisitRetirement {

    private static final Logger log = LoggerFactory.getLogger(RevisitRetirement.class);

    private final XeroConnection connection;
    private final RecordStatusRepository statuses;
    private final RunCounts counts;
    private final RunFence fence;

    public RevisitRetirement(XeroConnection connection, RecordStatusRepository statuses, RunCounts counts, RunFence fence) {
        this.connection = connection;
        this.statuses = statuses;
        this.counts = counts;
        this.fence = fence;
    }

    /** Retires the page's records that {@code rows} (the push query's answer for {@code revisitIds}) leaves out. */
    @Transactional
    public void retireAbsent(@Body List<Map<String, Object>> rows, @ExchangeProperty("cursor") PushPosition cursor,
                             @ExchangeProperty("syncRunId") long runId) {
        Set<Long> gone = new HashSet<>(cursor.revisitPage());
        rows.forEach(row -> gone.remove(((Number) row.get("id")).longValue()));
        if (gone.isEmpty()) {
            return;
        }
        fence.check(runId);
        Long tenant = connection.currentTenant().getId();
        for (String entity : cursor.revisitEntities()) {
            List<Long> retired = new ArrayList<>();
            Map<RecordStatus.Outcome, Integer> counted = new java.util.EnumMap<>(RecordStatus.Outcome.class);
            for (RecordStatus status : statuses.findByTenantRefAndEntityAndLocalIdIn(tenant, entity, gone)) {
                if (!status.lookedAtAgain()) {
                    continue; // the id is looked at again for another entity (a file's copy on a bill); this outcome stands
                }
                status.goneFromSource("The " + entity + " with field-service id " + status.getLocalId(), runId);
                statuses.save(status);
                retired.add(status.getLocalId());
                counted.merge(status.getStatus(), 1, Integer::sum);
            }
            counted.forEach((outcome, n) -> counts.add(runId, entity, outcome, n));
            if (!retired.isEmpty()) {
                log.info("{} {} record(s) looked at again are no longer in the field-service database, or no longer qualify;"
                        + " not looked at again until they change: field-service ids {}", retired.size(), entity, retired);
            }
        }
    }
}
