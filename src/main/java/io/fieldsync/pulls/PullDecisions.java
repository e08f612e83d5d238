package io.fieldsync.pulls;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsync.mapping.MappingTemplates;
import io.fieldsync.push.PushPlanner;
import io.fieldsync.push.PushedEntities;
import io.fieldsync.push.SyncRules;
import io.fieldsync.runs.RunCounts;
import io.fieldsync.state.RecordLink;
import io.fieldsync.state.RecordLinkRepository;
import io.fieldsync.state.RecordStatus;
import io.fieldsync.state.RecordStatusRepository;
import io.fieldsync.xero.XeroConnection;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What becomes of each Xero record a pull read: a new field-service row (and its link), an update
 * of its linked row, or nothing. Versions are compared as the push sees them, by the hash of the
 * payload the push would send (record_status.content_hash holds the one Xero last has from us, or
 * we last took from Xero):
 * <ul>
 * <li>Xero's version, laid over the FSM row, gives the FSM row's own payload: in step, nothing to do
 *     (this is also how FieldSync's own push comes back without being written again);</li>
 * <li>it gives the payload last synced: Xero did not change, the FSM did; the push sends it;</li>
 * <li>the FSM row still gives the payload last synced: only Xero changed; the row takes Xero's version;</li>
 * <li>both changed: the master's version wins: master xero writes the row, master fsm leaves it
 *     for the push to overwrite Xero.</li>
 * </ul>
 * A row written here is recorded with the payload hash it now gives, so the push does not send it
 * back. Archived Xero contacts never delete a customer, and are not imported as new ones.
 */
@Component("pullDecisions")
public class PullDecisions {

    private static final Logger log = LoggerFactory.getLogger(PullDecisions.class);
    /** Key of the column values in a decision; the route's SQL reads them by name. */
    public static final String VALUES = "values";

    private final XeroConnection connection;
    private final RecordLinkRepository links;
    private final RecordStatusRepository statuses;
    private final MappingTemplates mappings;
    private final PushedEntities entities;
    private final PushPlanner planner;
    private final SyncRules rules;
    private final RunCounts counts;
    private final io.fieldsync.runs.SyncSteps steps;
    private final org.springframework.jdbc.core.JdbcTemplate state;
    private final io.fieldsync.push.ContactNames contactNames;

    public PullDecisions(XeroConnection connection, RecordLinkRepository links, RecordStatusRepository statuses,
                         MappingTemplates mappings, PushedEntities entities, PushPlanner planner, SyncRules rules,
                         RunCounts counts, io.fieldsync.runs.SyncSteps steps, org.springframework.jdbc.core.JdbcTemplate state,
                         io.fieldsync.push.ContactNames contactNames) {
        this.contactNames = contactNames;
        this.steps = steps;
        this.state = state;
        this.connection = connection;
        this.links = links;
        this.statuses = statuses;
        this.mappings = mappings;
        this.entities = entities;
        this.planner = planner;
        this.rules = rules;
        this.counts = counts;
    }

    /**
     * Sets {@code linkedIds} (the FSM ids linked to the page's Xero records) and {@code numbers}
     * (their ContactNumbers / Codes), for the route's select of the rows a decision needs. Lists
     * are never empty (an IN () is no SQL): a value that matches nothing stands in.
     */
    public void lookFor(String entity, List<JsonNode> page, Exchange exchange) {
        PulledKind kind = PulledKind.of(entity);
        Long tenant = tenant();
        List<Long> linkedIds = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (JsonNode record : page) {
            links.findByTenantRefAndEntityAndXeroId(tenant, entity, text(record, kind.idField()))
                    .ifPresent(link -> linkedIds.add(link.getLocalId()));
            String number = text(record, kind.numberField());
            if (number != null) {
                numbers.add(number);
            }
        }
        exchange.setProperty("linkedIds", linkedIds.isEmpty() ? List.of(-1L) : linkedIds);
        exchange.setProperty("numbers", numbers.isEmpty() ? List.of("\u0000") : numbers);
    }

    /**
     * One decision per record to write: {@code action} create or update, {@code localId} (update),
     * {@code xeroId}, {@code number} and {@code values}, the row's columns (null included).
     * {@code rows}: the FSM rows the route selected (linked ones and those with the same numbers).
     */
    @Transactional
    public List<Map<String, Object>> decide(String entity, long runId, List<JsonNode> page, List<Map<String, Object>> rows,
                                            java.time.Instant pullSince) throws JsonProcessingException {
        // The first read of an organisation meets the years of records it already has: linked by
        // number here, the rest left to the matching wizard (suggest, accept, import), so that a
        // customer typed in both systems is not copied. Later reads bring what is new in Xero.
        // A catalogue kept in Xero only (direction pull, master xero) is taken whole at once.
        boolean createsUnpartnered = pullSince != null
                || ("pull".equals(steps.direction(entity)) && "xero".equals(rules.master(entity)));
        PulledKind kind = PulledKind.of(entity);
        Long tenant = tenant();
        Map<Long, Map<String, Object>> rowsById = rows.stream()
                .collect(Collectors.toMap(row -> ((Number) row.get("id")).longValue(), Function.identity(), (a, b) -> a, HashMap::new));
        Map<Long, RecordLink> linkOfRow = rowsById.isEmpty() ? new HashMap<>()
                : links.findByTenantRefAndEntityAndLocalIdIn(tenant, entity, rowsById.keySet()).stream()
                .collect(Collectors.toMap(RecordLink::getLocalId, Function.identity()));
        List<Map<String, Object>> decisions = new ArrayList<>();
        int skipped = 0;
        for (JsonNode record : page) {
            String xeroId = text(record, kind.idField());
            Map<String, Object> image = image(kind, record);
            RecordLink link = links.findByTenantRefAndEntityAndXeroId(tenant, entity, xeroId).orElse(null);
            if (link == null) {
                Map<String, Object> partner = partner(kind, record, rowsById, linkOfRow);
                if (partner != null) {
                    // the same number on an unlinked row: the same record, linked rather than copied
                    long localId = ((Number) partner.get("id")).longValue();
                    link = new RecordLink(tenant, entity, localId, xeroId);
                    link.sent(text(record, kind.numberField()), null);
                    links.save(link);
                    linkOfRow.put(localId, link);
                    log.info("Xero {} {} linked to field-service {} {} by its number", kind.collection(), xeroId, entity, localId);
                } else {
                    if (!createsUnpartnered || !importable(kind, tenant, record) || awaitsMatching(tenant, entity, xeroId)) {
                        continue;
                    }
                    decisions.add(decision(entity, "create", null, xeroId, text(record, kind.numberField()),
                            freeNumber(kind, image, rowsById)));
                    continue;
                }
            }
            Map<String, Object> row = rowsById.get(link.getLocalId());
            if (row == null || row.get("deleted_at") != null) {
                continue; // soft-deleted in the FSM: not written, not restored
            }
            Map<String, Object> document = prepared(kind, row);
            // a contact named apart ("Lachlan Ryan (C00123)") is read with the customer's own name
            image = image(kind, contactNames.withoutSuffix(document, record));
            Optional<String> fsm = planner.payloadHash(entity, kind.toXero(), kind.collection(), document);
            Map<String, Object> overlaid = new LinkedHashMap<>(document);
            overlaid.putAll(image);
            Optional<String> xero = planner.payloadHash(entity, kind.toXero(), kind.collection(), overlaid);
            if (xero.isPresent() && xero.equals(fsm)) {
                continue; // in step
            }
            String lastSynced = lastSynced(tenant, entity, link.getLocalId());
            if (lastSynced != null && xero.isPresent() && lastSynced.equals(xero.get())) {
                continue; // Xero as last synced: the FSM's change goes with the push
            }
            boolean fsmChanged = lastSynced == null || !fsm.map(lastSynced::equals).orElse(false);
            if (fsmChanged && !"xero".equals(rules.master(entity))) {
                skipped++;
                log.info("Xero {} {} and field-service {} {} both changed; the FSM is master, its version goes to Xero",
                        kind.collection(), xeroId, entity, link.getLocalId());
                continue;
            }
            decisions.add(decision(entity, "update", link.getLocalId(), xeroId, text(record, kind.numberField()),
                    changedColumns(kind, row, document, fsm, image)));
        }
        counts.add(runId, countedAs(entity), RecordStatus.Outcome.SKIPPED, skipped);
        return decisions;
    }

    /** The new row's id from camel-sql's generated keys; links it at once, before anything else can fail. */
    @Transactional
    public Map<String, Object> created(Map<String, Object> decision, List<Map<String, Object>> keys) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalStateException("the database gave no id for the new row of Xero record " + decision.get("xeroId"));
        }
        Object id = keys.get(0).values().iterator().next(); // drivers name the generated column differently
        long localId = ((Number) id).longValue();
        Map<String, Object> created = new LinkedHashMap<>(decision);
        created.put("localId", localId);
        String entity = (String) decision.get("entity");
        RecordLink link = new RecordLink(tenant(), entity, localId, (String) decision.get("xeroId"));
        link.sent((String) decision.get("number"), null);
        links.save(link);
        return created;
    }

    /**
     * The row is written ({@code rows}: it, read back as the push reads it): recorded as in step
     * with Xero, under the payload hash it now gives, so the push finds nothing to send.
     */
    @Transactional
    public void written(long runId, Map<String, Object> decision, List<Map<String, Object>> rows) throws JsonProcessingException {
        String entity = (String) decision.get("entity");
        PulledKind kind = PulledKind.of(entity);
        long localId = ((Number) decision.get("localId")).longValue();
        Long tenant = tenant();
        String hash = rows.isEmpty() ? null
                : planner.payloadHash(entity, kind.toXero(), kind.collection(), prepared(kind, rows.get(0))).orElse(null);
        RecordStatus status = statuses.findByTenantRefAndEntityAndLocalIdIn(tenant, entity, List.of(localId)).stream()
                .findFirst().orElseGet(() -> new RecordStatus(tenant, entity, localId));
        status.attempting(hash, runId);
        status.record(RecordStatus.Outcome.SYNCED, ("create".equals(decision.get("action")) ? "Created" : "Updated")
                + " from Xero " + kind.collection() + " " + decision.get("xeroId"), runId);
        statuses.save(status);
        links.findByTenantRefAndEntityAndLocalId(tenant, entity, localId).ifPresent(link -> {
            link.sent((String) decision.get("number"), hash);
            links.save(link);
        });
        counts.add(runId, countedAs(entity), RecordStatus.Outcome.SYNCED, 1);
        log.info("{} field-service {} {} from Xero {} {}", "create".equals(decision.get("action")) ? "Created" : "Updated",
                entity, localId, kind.collection(), decision.get("xeroId"));
    }

    /** A row the database refused (a number another row has, a value too long): counted, the rest goes on. */
    public void failed(long runId, Map<String, Object> decision, Exception error) {
        String entity = (String) decision.get("entity");
        log.warn("Xero record {} could not be written to the field-service database ({} {}): {}", decision.get("xeroId"),
                entity, decision.get("action"), error.getMessage());
        counts.add(runId, countedAs(entity), RecordStatus.Outcome.FAILED, 1);
    }

    /** The FSM ids linked to a Xero record: what remove-unmatched keeps. Never empty. */
    public List<Long> linkedLocalIds(String entity) {
        Long tenant = tenant();
        List<Long> ids = links.findByTenantRefAndEntity(tenant, entity).stream().map(RecordLink::getLocalId).toList();
        return ids.isEmpty() ? List.of(-1L) : ids;
    }

    /** Run counts of pulls are kept apart from the push's: contact-pull, item-pull. */
    static String countedAs(String entity) {
        return entity + "-pull";
    }

    /** The record mapped to the row's columns, each present (null where Xero has no value). */
    Map<String, Object> image(PulledKind kind, JsonNode record) {
        Object mapped = mappings.apply(kind.fromXero(), record);
        Map<?, ?> values = mapped instanceof Map<?, ?> map ? map : Map.of();
        Map<String, Object> image = new LinkedHashMap<>();
        for (String column : kind.columns()) {
            Object value = values.get(column);
            image.put(column, value instanceof Number number ? new BigDecimal(number.toString()) : value);
        }
        return image;
    }

    /**
     * The row's columns, with Xero's value only where it changes what the row says in Xero: a name
     * Xero holds shortened to its 50 characters, or a price written 12.5 for 12.5000, leaves the FSM's own.
     */
    private Map<String, Object> changedColumns(PulledKind kind, Map<String, Object> row, Map<String, Object> document,
                                               Optional<String> fsm, Map<String, Object> image) throws JsonProcessingException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String column : kind.columns()) {
            Map<String, Object> one = new LinkedHashMap<>(document);
            one.put(column, image.get(column));
            boolean differs = fsm.isEmpty()
                    || !planner.payloadHash(kind.entity(), kind.toXero(), kind.collection(), one).equals(fsm);
            values.put(column, differs ? image.get(column) : row.get(column));
            if (differs) {
                log.debug("{} {}: Xero's {} differs from the FSM's {}", kind.entity(), row.get("id"), image.get(column), row.get(column));
            }
        }
        return values;
    }

    private Map<String, Object> prepared(PulledKind kind, Map<String, Object> row) {
        List<Map<String, Object>> one = List.of(row);
        return new LinkedHashMap<>(entities.documents(kind.entity(), one).get(0));
    }

    /** The hash of the payload Xero last has from us (or we took from it), when that is known for sure. */
    private String lastSynced(Long tenant, String entity, long localId) {
        return statuses.findByTenantRefAndEntityAndLocalIdIn(tenant, entity, List.of(localId)).stream()
                .filter(s -> s.getStatus() == RecordStatus.Outcome.SYNCED && s.getAttemptedAt() == null)
                .map(RecordStatus::getContentHash).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** An unlinked, current FSM row with the record's number (customer_number = ContactNumber, sku = Code). */
    private static Map<String, Object> partner(PulledKind kind, JsonNode record, Map<Long, Map<String, Object>> rows,
                                               Map<Long, RecordLink> linkOfRow) {
        String number = text(record, kind.numberField());
        if (number == null) {
            return null;
        }
        return rows.values().stream()
                .filter(row -> number.equals(row.get(kind.numberColumn())) && row.get("deleted_at") == null)
                .filter(row -> !linkOfRow.containsKey(((Number) row.get("id")).longValue()))
                .findFirst().orElse(null);
    }

    /**
     * Whether a Xero record without an FSM partner becomes a new row: not an archived contact, not a
     * supplier (one FieldSync pushed from a vendor, or a supplier-only contact).
     */
    /** A person is asked whether an FSM record is this Xero record: not copied meanwhile. */
    private boolean awaitsMatching(Long tenant, String entity, String xeroId) {
        return state.queryForObject("select count(*) from match_suggestion where tenant_ref = ? and kind = ? and xero_id = ?"
                + " and status = 'SUGGESTED'", Integer.class, tenant, entity, xeroId) > 0;
    }

    private boolean importable(PulledKind kind, Long tenant, JsonNode record) {
        if (kind != PulledKind.CONTACT) {
            return true;
        }
        if ("ARCHIVED".equals(text(record, "ContactStatus")) || "GDPRREQUEST".equals(text(record, "ContactStatus"))) {
            return false;
        }
        if (links.findByTenantRefAndEntityAndXeroId(tenant, "vendor", text(record, kind.idField())).isPresent()) {
            return false;
        }
        return !(record.path("IsSupplier").asBoolean(false) && !record.path("IsCustomer").asBoolean(false));
    }

    /** The values of a new row, without a number another row already has (it is unique in the FSM). */
    private static Map<String, Object> freeNumber(PulledKind kind, Map<String, Object> image, Map<Long, Map<String, Object>> rows) {
        Object number = image.get(kind.numberColumn());
        if (number != null && rows.values().stream().anyMatch(row -> number.equals(row.get(kind.numberColumn())))) {
            Map<String, Object> values = new LinkedHashMap<>(image);
            values.put(kind.numberColumn(), null);
            return values;
        }
        return image;
    }

    private static Map<String, Object> decision(String entity, String action, Long localId, String xeroId, String number,
                                                Map<String, Object> values) {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("entity", entity);
        decision.put("action", action);
        decision.put("localId", localId);
        decision.put("xeroId", xeroId);
        decision.put("number", number);
        decision.put(VALUES, values);
        return decision;
    }

    private Long tenant() {
        return connection.currentTenant().getId();
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
