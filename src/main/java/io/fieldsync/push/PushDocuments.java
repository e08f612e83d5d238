package io.fieldsync.push;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.fieldsync.state.RecordLink;
import io.fieldsync.state.RecordLinkRepository;
import io.fieldsync.state.RecordStatus;
import io.fieldsync.state.RecordStatusRepository;
import io.fieldsync.xero.XeroConnection;
import org.springframework.stereotype.Component;

/**
 * What every entity's documents take from the state store: the Xero ids of linked records, the
 * records a person still has to decide on, and for a record another one depends on (an invoice's
 * customer) whether it is in Xero and if not, why. Everything else comes from the route's SQL and
 * the entity's own bean.
 */
@Component("pushDocuments")
public class PushDocuments {

    /** Key of the list of reasons a document cannot be sent as it is; the planner fails such records. */
    public static final String PROBLEMS = "_problems";

    /** Key of the list of things a person should know about a document that is sent all the same. */
    public static final String WARNINGS = "_warnings";

    private final XeroConnection connection;
    private final RecordLinkRepository links;
    private final RecordStatusRepository statuses;
    private final PushHolds holds;

    public PushDocuments(XeroConnection connection, RecordLinkRepository links, RecordStatusRepository statuses,
                         PushHolds holds) {
        this.connection = connection;
        this.links = links;
        this.statuses = statuses;
        this.holds = holds;
    }

    /** The rows as documents of {@code entity}: each plus {@code xero_id} when linked, and why it waits when it does. */
    public List<Map<String, Object>> linked(String entity, List<Map<String, Object>> rows) {
        List<Long> ids = ids(rows, "id");
        Map<Long, RecordLink> linked = linksOf(entity, ids);
        Map<Long, String> awaiting = holds.awaiting(entity, ids);
        return rows.stream().map(row -> {
            Map<String, Object> document = new LinkedHashMap<>(row);
            RecordLink link = linked.get(id(row, "id"));
            document.put("xero_id", link == null ? null : link.getXeroId());
            if (link == null && awaiting.containsKey(id(row, "id"))) {
                document.put(PushHolds.AWAITING, awaiting.get(id(row, "id")));
            }
            return document;
        }).collect(Collectors.toList());
    }

    /**
     * The records of {@code entity} that documents depend on, by local id: each with {@code id},
     * {@code xero_id} (null until it is in Xero) and, when it is not, {@code sync_problem} (its
     * last outcome and message) for the dependent's skip reason.
     */
    public Map<Long, Map<String, Object>> dependencies(String entity, List<Long> localIds) {
        Map<Long, RecordLink> linked = linksOf(entity, localIds);
        Map<Long, RecordStatus> known = localIds.isEmpty() ? Map.of() : statuses
                .findByTenantRefAndEntityAndLocalIdIn(tenant(), entity, localIds).stream()
                .collect(Collectors.toMap(RecordStatus::getLocalId, Function.identity()));
        Map<Long, Map<String, Object>> dependencies = new LinkedHashMap<>();
        for (Long localId : localIds) {
            Map<String, Object> dependency = new LinkedHashMap<>();
            dependency.put("id", localId);
            RecordLink link = linked.get(localId);
            dependency.put("xero_id", link == null ? null : link.getXeroId());
            RecordStatus status = known.get(localId);
            if (link == null && status != null && status.getMessage() != null) {
                dependency.put("sync_problem", status.getStatus() + ": " + status.getMessage());
            }
            dependencies.put(localId, dependency);
        }
        return dependencies;
    }

    /** The records of {@code entity} among {@code localIds} that wait for a person's decision, each with why. */
    public Map<Long, String> awaiting(String entity, List<Long> localIds) {
        return holds.awaiting(entity, localIds);
    }

    public Map<Long, RecordLink> linksOf(String entity, List<Long> localIds) {
        if (localIds.isEmpty()) {
            return Map.of();
        }
        return links.findByTenantRefAndEntityAndLocalIdIn(tenant(), entity, localIds).stream()
                .collect(Collectors.toMap(RecordLink::getLocalId, Function.identity()));
    }

    /** The page's ids, for a route's query of what belongs to its rows (invoice lines); never an empty list. */
    public List<Long> pageIds(List<Map<String, Object>> rows) {
        List<Long> ids = ids(rows, "id");
        return ids.isEmpty() ? List.of(-1L) : ids;
    }

    private Long tenant() {
        return connection.currentTenant().getId();
    }

    /** The distinct non-null values of a numeric column. */
    public static List<Long> ids(List<Map<String, Object>> rows, String column) {
        return rows.stream().map(row -> row.get(column)).filter(Objects::nonNull)
                .map(value -> ((Number) value).longValue()).distinct().toList();
    }

    public static long id(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    /** The row's columns {@code prefix + field} as one nested map of {@code field}s. */
    public static Map<String, Object> nested(Map<String, Object> row, String prefix, String... fields) {
        Map<String, Object> nested = new LinkedHashMap<>();
        for (String field : fields) {
            nested.put(field, row.get(prefix + field));
        }
        return nested;
    }
}
