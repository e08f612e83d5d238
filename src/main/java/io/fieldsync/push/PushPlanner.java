package io.fieldsync.push;

import java.time.Instant;
import java.util.ArrayList;
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
import io.fieldsync.state.RecordStatus;
import io.fieldsync.state.SourceClock;
import io.fieldsync.xero.Outgoing;
import io.fieldsync.xero.XeroCollection;
import io.fieldsync.xero.XeroPayloads;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Decides, for each prepared field-service record of a page, what happens to it, in two steps of
 * the push-page route around the mapping ({@link PushMapping}): {@link #screen} skips (the entity's
 * rules, with the reason) or fails a record for a problem of its own; {@link #plan} fails a mapped
 * element Xero would refuse (a value, a field limit), leaves one Xero already has as it is (no
 * call), looks up in Xero those whose last answer was lost (so they are updated rather than created
 * twice), records every outcome and returns the batches to deliver. Only that record fails; the
 * page goes on. It names no entity: what differs is asked of the entity's {@link PushedEntity}.
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
     * The first step of a page: each prepared document is skipped (its entity's rules, or an
     * operator's skip that still holds), failed for a problem of its own, or goes on to its mapping.
     *
     * @param cursor the push's position; its {@code revisited} records, with the updated_at they had
     *               when read (null until then): one read again, unchanged, among the changed rows
     *               was decided already and is neither sent nor counted twice
     */
    public PushPage screen(@ExchangeProperty("entity") String entity, @ExchangeProperty("syncRunId") long runId,
                           @ExchangeProperty("cursor") PushPosition cursor, @Body List<Map<String, Object>> documents) {
        Map<Long, Instant> revisited = cursor.revisited();
        PushPage page = PushPage.of(entity, runId, outcomes.statusesOf(entity,
                documents.stream().map(d -> ((Number) d.get("id")).longValue()).toList()));
        for (Map<String, Object> document : documents) {
            long localId = ((Number) document.get("id")).longValue();
            Instant changedAt = changedAt(document);
            if (revisited.containsKey(localId)) {
                if (changedAt != null && changedAt.equals(revisited.get(localId))) {
                    continue; // looked at again earlier in this push, unchanged since: decided already
                }
                revisited.put(localId, changedAt);
            }
            RecordStatus status = page.knownStatus(localId);
            if (status != null && status.heldBySkip(changedAt)) {
                continue;
            }
            Optional<PushSkip> skip = skipRules.check(entity, document);
            if (skip.isPresent()) {
                page.skip(localId, skip.get());
                continue;
            }
            Object problems = document.get(PushDocuments.PROBLEMS);
            if (problems instanceof List<?> list && !list.isEmpty()) {
                page.fail(localId, list.stream().map(String::valueOf).collect(Collectors.joining("; ")));
                continue;
            }
            page.candidates().add(new PushPage.Candidate(localId, document, null));
        }
        return page;
    }

    /**
     * The last step of a page, once mapped: each element is checked against what Xero takes (its
     * values, a contact name another record has, field limits); one Xero has exactly so already
     * is not sent; one whose last answer was lost is looked up first. Every outcome is recorded,
     * and the batches to deliver returned.
     */
    public List<List<Outgoing>> plan(@ExchangeProperty("mapping") String mapping,
                                     @ExchangeProperty("xeroCollection") String collection, @Body PushPage page)
            throws JsonProcessingException {
        XeroCollection kind = XeroCollection.of(collection);
        String entity = page.entity();
        List<Outgoing> send = new ArrayList<>();
        List<Outgoing> lookUpFirst = new ArrayList<>();
        ContactNames.Page names = contactNames.page(entity);
        PushedEntity pushed = entities.named(entity);

        for (PushPage.Candidate candidate : page.candidates()) {
            long localId = candidate.localId();
            Map<String, Object> document = candidate.document();
            XeroFieldValues.Checked cleaned;
            XeroFieldLimits.Checked checked;
            ContactNames.Named named;
            try {
                cleaned = values.check(collection, candidate.element());
                // named apart before the limits: the suffix fits within Xero's 255 characters
                named = cleaned.failed() ? new ContactNames.Named(cleaned.element(), null)
                        : names.name(localId, document, cleaned.element());
                checked = limits.check(collection, named.element());
            } catch (ClassCastException e) {
                page.fail(localId, PushMapping.failure(mapping, e));
                continue;
            }
            if (cleaned.failed() || checked.failed()) {
                page.fail(localId, Stream.of(cleaned.failure(), checked.failure()).filter(Objects::nonNull)
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
            Outgoing record = new Outgoing(localId, element, hashes.withoutId(element, kind), kind.numberOf(element),
                    List.copyOf(warnings), (String) document.get(ContactNames.SUFFIX));
            RecordStatus status = page.knownStatus(localId);
            if (status != null && status.alreadyAnswered(record.hash())) {
                continue; // Xero has exactly this (or refused exactly this): no call
            }
            Optional<PushSkip> keptAsSent = document.get("xero_id") == null ? Optional.empty()
                    : pushed.skipChange(document); // Xero keeps some records as first sent (payments, bills)
            if (keptAsSent.isPresent()) {
                page.skip(localId, keptAsSent.get());
                continue;
            }
            if (status != null && status.outcomeUnknown() && element.get(kind.idField()) == null) {
                lookUpFirst.add(record);
            } else {
                send.add(record);
            }
        }
        outcomes.notSent(entity, page.runId(), page.notSent());
        names.remember();
        send.addAll(lookups.linkWhatXeroAlreadyHas(entity, kind, lookUpFirst, page.runId()));
        outcomes.pending(entity, page.runId(), send);
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
    private Instant changedAt(Map<String, Object> document) {
        Object updatedAt = document.get("updated_at");
        return updatedAt instanceof java.time.temporal.Temporal || updatedAt instanceof java.util.Date
                ? clock.toInstant(updatedAt) : null;
    }
}
