package io.fieldsync.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fieldsync.mapping.MappingException;
import io.fieldsync.mapping.MappingTemplates;
import io.fieldsync.mapping.XeroFieldLimits;
import io.fieldsync.mapping.XeroFieldValues;
import io.fieldsync.xero.Outgoing;
import io.fieldsync.xero.XeroCollection;
import io.fieldsync.xero.XeroPayloads;
import org.springframework.stereotype.Component;

/**
 * Decides, for each prepared field-service record of a page, what happens to it: skipped (with
 * the reason), failed before sending (a problem of the record, its mapping, a value Xero would
 * refuse or a field limit; only that record fails), unchanged since Xero last saw
 * it (no call), or sent. Records whose last answer was lost are first looked up in Xero by their
 * number, so they are updated rather than created twice. Returns the batches to deliver.
 */
@Component("pushPlanner")
public class PushPlanner {

    private final MappingTemplates mappings;
    private final XeroFieldValues values;
    private final XeroFieldLimits limits;
    private final SkipRules skipRules;
    private final RecordOutcomes outcomes;
    private final XeroLookups lookups;
    private final XeroPayloads payloads;
    private final MappingVariables variables;
    private final PayloadHashes hashes;
    private final ContactNames contactNames;

    private final SourceClock clock;
    private final PushedEntities entities;

    public PushPlanner(MappingTemplates mappings, XeroFieldValues values, XeroFieldLimits limits, SkipRules skipRules,
                       RecordOutcomes outcomes, XeroLookups lookups, XeroPayloads payloads, MappingVariables variables,
                       PayloadHashes hashes, ContactNames contactNames, SourceClock clock,
                       PushedEntities entities) {
        this.clock = clock;
        this.entities = entities;
        this.mappings = mappings;
        this.values = values;
        this.limits = limits;
        this.skipRules = skipRules;
        this.outcomes = outcomes;
        this.lookups = lookups;
        this.payloads = payloads;
        this.variables = variables;
        this.hashes = hashes;
        this.contactNames = contactNames;
    }

    /**
     * @param revisited the records this push looks at again, with the updated_at they had when
     *                  read (null until then): one read again, unchanged, among the changed rows
     *                  was decided already and is neither sent nor counted twice
     */
    public List<List<Outgoing>> plan(String entity, String mapping, String collection, long runId,
                                     Map<Long, java.time.Instant> revisited, List<Map<String, Object>> documents)
            throws JsonProcessingException {
        XeroCollection kind = XeroCollection.of(collection);
        Map<Long, RecordStatus> known = outcomes.statusesOf(entity,
                documents.stream().map(d -> ((Number) d.get("id")).longValue()).toList());
        Map<Long, RecordStatus.Outcome> notSent = new LinkedHashMap<>();
        Map<Long, String> reasons = new HashMap<>();
        Map<Long, RecordStatus.SkipKind> skipKinds = new HashMap<>();
        List<Outgoing> send = new ArrayList<>();
        List<Outgoing> lookUpFirst = new ArrayList<>();
        Map<String, Object> bindings = Map.of("settings", variables.forEntity(entity));
        ContactNames.Page names = contactNames.page(entity);
        PushedEntity pushed = entities.named(entity);

        for (Map<String, Object> document : documents) {
            long localId = ((Number) document.get("id")).longValue();
            java.time.Instant changedAt = changedAt(document);
            if (revisited.containsKey(localId)) {
                if (changedAt != null && changedAt.equals(revisited.get(localId))) {
                    continue; // looked at again earlier in this push, unchanged since: decided already
                }
                revisited.put(localId, changedAt);
            }
            if (known.containsKey(localId) && known.get(localId).heldBySkip(changedAt)) {
                continue;
            }
            Optional<PushSkip> skip = skipRules.check(entity, document);
            if (skip.isPresent()) {
                notSent.put(localId, RecordStatus.Outcome.SKIPPED);
                reasons.put(localId, skip.get().reason());
                skipKinds.put(localId, skip.get().kind());
                continue;
            }
            Object problems = document.get(PushDocuments.PROBLEMS);
            if (problems instanceof List<?> list && !list.isEmpty()) {
                notSent.put(localId, RecordStatus.Outcome.FAILED);
                reasons.put(localId, list.stream().map(String::valueOf).collect(Collectors.joining("; ")));
                continue;
            }
            XeroFieldValues.Checked cleaned;
            XeroFieldLimits.Checked checked;
            ContactNames.Named named;
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> element = (Map<String, Object>) mappings.apply(mapping, document, bindings);
                cleaned = values.check(collection, element);
                // named apart before the limits: the suffix fits within Xero's 255 characters
                named = cleaned.failed() ? new ContactNames.Named(cleaned.element(), null)
                        : names.name(localId, document, cleaned.element());
                checked = limits.check(collection, named.element());
            } catch (MappingException | ClassCastException e) {
                notSent.put(localId, RecordStatus.Outcome.FAILED);
                reasons.put(localId, "Mapping " + mapping + " failed: "
                        + (e instanceof MappingException mappingError ? mappingError.problem() : e.getMessage()));
                continue;
            }
            if (cleaned.failed() || checked.failed()) {
                notSent.put(localId, RecordStatus.Outcome.FAILED);
                reasons.put(localId, Stream.of(cleaned.failure(), checked.failure()).filter(Objects::nonNull)
                        .collect(Collectors.joining("; ")));
                continue;
            }
            Map<String, Object> element = checked.element();
            List<String> warnings = new ArrayList<>();
            if (document.get(PushDocuments.WARNINGS) instanceof List<?> noted) {
                noted.forEach(warning -> warnings.add(String.valueOf(warning)));
            }
            warnings.addAll(cleaned.warnings());
            if (named.warning() != null) {
                warnings.add(named.warning());
            }
            warnings.addAll(checked.warnings());
            Outgoing record = new Outgoing(localId, element, hashes.withoutId(element, kind), numberOf(element, kind),
                    List.copyOf(warnings), (String) document.get(ContactNames.SUFFIX));
            RecordStatus status = known.get(localId);
            if (status != null && status.alreadyAnswered(record.hash())) {
                continue; // Xero has exactly this (or refused exactly this): no call
            }
            Optional<PushSkip> keptAsSent = document.get("xero_id") == null ? Optional.empty()
                    : pushed.skipChange(document); // Xero keeps some records as first sent (payments, bills)
            if (keptAsSent.isPresent()) {
                notSent.put(localId, RecordStatus.Outcome.SKIPPED);
                reasons.put(localId, keptAsSent.get().reason());
                skipKinds.put(localId, keptAsSent.get().kind());
                continue;
            }
            if (status != null && status.outcomeUnknown() && element.get(kind.idField()) == null) {
                lookUpFirst.add(record);
            } else {
                send.add(record);
            }
        }
        outcomes.notSent(entity, runId, notSent, reasons, skipKinds);
        names.remember();
        send.addAll(lookups.linkWhatXeroAlreadyHas(entity, kind, lookUpFirst, runId));
        outcomes.pending(entity, runId, send);
        return payloads.batches(send);
    }

    /**
     * The hash {@link #plan} would give this prepared document's payload (mapped, cleaned, within
     * Xero's limits), or empty when the push would fail it before sending. The pulls compare
     * versions by it: a row they wrote is recorded with this hash, so the push does not send it back.
     */
    public Optional<String> payloadHash(String entity, String mapping, String collection, Map<String, Object> document)
            throws JsonProcessingException {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> element = (Map<String, Object>) mappings.apply(mapping, document,
                    Map.of("settings", variables.forEntity(entity)));
            XeroFieldValues.Checked cleaned = values.check(collection, element);
            if (cleaned.failed()) {
                return Optional.empty();
            }
            XeroFieldLimits.Checked checked = limits.check(collection, contactNames.remembered(document, cleaned.element()).element());
            if (checked.failed()) {
                return Optional.empty();
            }
            return Optional.of(hashes.withoutId(checked.element(), XeroCollection.of(collection)));
        } catch (MappingException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** The field-service row's updated_at as an instant, to compare with FieldSync's own (an operator's skip). */
    private java.time.Instant changedAt(Map<String, Object> document) {
        Object updatedAt = document.get("updated_at");
        return updatedAt instanceof java.time.temporal.Temporal || updatedAt instanceof java.util.Date
                ? clock.toInstant(updatedAt) : null;
    }

    private static String numberOf(Map<String, Object> element, XeroCollection kind) {
        Object number = element.get(kind.numberField());
        if (number == null && kind == XeroCollection.CONTACTS) {
            number = element.get("Name");
        }
        if (number == null && kind == XeroCollection.INVOICES) {
            number = element.get("Reference");
        }
        return number == null ? null : number.toString();
    }
}
