package io.fieldsync.push;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsync.xero.Outgoing;
import io.fieldsync.xero.XeroAnswerException;
import io.fieldsync.xero.XeroCollection;
import io.fieldsync.xero.XeroNotFoundException;
import io.fieldsync.xero.XeroReads;
import io.fieldsync.xero.XeroRefusedException;
import io.fieldsync.xero.XeroWhere;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Look-up before create: records sent earlier whose answer never came (a timeout, a dropped
 * connection, a crash) are searched in Xero by the number they were sent with. Found ones are
 * linked and go out as updates; the rest are created. One GET per 25 records, not one each
 * (purchase orders, which Xero does not filter, are read one by one by their number).
 * Fields and dates of the answer other than the number and the id are not read, so a field
 * this version does not know or a pre-1970 date changes nothing. An answer that cannot be
 * read stops the run with Xero's status: without it a create could duplicate a record.
 */
@Component("xeroLookups")
public class XeroLookups {

    private static final Logger log = LoggerFactory.getLogger(XeroLookups.class);
    private static final int PER_QUERY = 25;

    private final XeroReads xero;
    private final RecordOutcomes outcomes;

    public XeroLookups(XeroReads xero, RecordOutcomes outcomes) {
        this.xero = xero;
        this.outcomes = outcomes;
    }

    public List<Outgoing> linkWhatXeroAlreadyHas(String entity, XeroCollection kind, List<Outgoing> records) {
        return linkWhatXeroAlreadyHas(entity, kind, records, null);
    }

    /**
     * As above in run {@code runId}. A record whose look-up Xero refuses (its filter, e.g. a name
     * Xero cannot parse) FAILS alone with Xero's words and is not sent: it may be in Xero already.
     * The others of its chunk are looked up one by one.
     */
    public List<Outgoing> linkWhatXeroAlreadyHas(String entity, XeroCollection kind, List<Outgoing> records, Long runId) {
        List<Outgoing> result = new ArrayList<>(records.size());
        Map<Long, String> refused = new LinkedHashMap<>();
        for (int from = 0; from < records.size(); from += PER_QUERY) {
            List<Outgoing> chunk = records.subList(from, Math.min(records.size(), from + PER_QUERY));
            Map<String, String> found = findEachIfRefused(entity, kind, chunk, refused);
            for (Outgoing record : chunk) {
                if (refused.containsKey(record.localId())) {
                    continue;
                }
                String xeroId = record.number() == null ? null : found.get(record.number());
                if (xeroId == null) {
                    result.add(record);
                    continue;
                }
                if (kind == XeroCollection.PAYMENTS) {
                    // Xero never changes a payment (a PUT with its id is refused): the one found is the one sent
                    log.info("{} {} was already in Xero as {} (its earlier answer was lost); linked, not sent again", entity,
                            record.number(), xeroId);
                    outcomes.foundAsSent(entity, record.localId(), xeroId, record.number(), record.hash());
                    continue;
                }
                log.info("{} {} was already in Xero as {} (its earlier answer was lost); updating it", entity,
                        record.number(), xeroId);
                outcomes.linkFound(entity, record.localId(), xeroId, record.number());
                Map<String, Object> element = new LinkedHashMap<>();
                element.put(kind.idField(), xeroId);
                element.putAll(record.element());
                result.add(new Outgoing(record.localId(), element, record.hash(), record.number(), record.warnings(),
                        record.nameSuffix()));
            }
        }
        outcomes.lookUpRefused(entity, runId, refused);
        return result;
    }

    /** The chunk's look-up; when Xero refuses it, each record's alone, so only the one Xero cannot take fails. */
    private Map<String, String> findEachIfRefused(String entity, XeroCollection kind, List<Outgoing> chunk,
                                                  Map<Long, String> refused) {
        try {
            return find(kind, chunk);
        } catch (XeroRefusedException e) {
            if (chunk.stream().filter(r -> r.number() != null).count() <= 1) {
                chunk.stream().filter(r -> r.number() != null).forEach(record -> {
                    log.warn("Xero refused the look-up of {} {}: {}", entity, record.number(), e.getMessage());
                    refused.put(record.localId(), "Sent before without an answer; Xero refused looking it up by "
                            + searchField(kind, record) + " (so it was not sent again, and is looked up again in the next run): "
                            + e.getMessage());
                });
                return Map.of();
            }
            Map<String, String> found = new HashMap<>();
            for (Outgoing record : chunk) {
                found.putAll(findEachIfRefused(entity, kind, List.of(record), refused));
            }
            return found;
        }
    }

    /** Number -> Xero id of the chunk's records that Xero has. */
    private Map<String, String> find(XeroCollection kind, List<Outgoing> chunk) {
        List<Outgoing> numbered = chunk.stream().filter(r -> r.number() != null).toList();
        if (numbered.isEmpty()) {
            return Map.of();
        }
        // a contact without a ContactNumber is looked up by Name, an invoice without a number by Reference
        Map<String, List<Outgoing>> byField = numbered.stream()
                .collect(Collectors.groupingBy(r -> searchField(kind, r), LinkedHashMap::new, Collectors.toList()));
        Map<String, String> found = new HashMap<>();
        for (Map.Entry<String, List<Outgoing>> group : byField.entrySet()) {
            found.putAll(kind == XeroCollection.PURCHASE_ORDERS ? findOneByOne(kind, group.getKey(), group.getValue())
                    : findBy(kind, group.getKey(), group.getValue()));
        }
        return found;
    }

    /** Number -> Xero id of the records Xero has, looked up by {@code field} in one call. */
    private Map<String, String> findBy(XeroCollection kind, String field, List<Outgoing> numbered) {
        String query;
        if ("InvoiceNumber".equals(field)) {
            query = "InvoiceNumbers=" + encode(numbered.stream().map(Outgoing::number).collect(Collectors.joining(",")));
        } else {
            // every value escaped as Xero's (C#) string literals need: a backslash or quote in a name is text
            query = "where=" + encode(numbered.stream().map(r -> XeroWhere.equalTo(field, r.number()))
                    .collect(Collectors.joining(" OR ")));
        }
        String lookUp = "Looking up " + numbered.size() + " " + kind.path() + " in Xero by " + field
                + " (sent before, their answer lost) failed; they were not sent again and are looked up in the next run: ";
        JsonNode answer;
        try {
            answer = xero.get(kind.path() + "?" + query);
        } catch (XeroRefusedException e) {
            throw e; // the filter, not the answer: findEachIfRefused narrows it down to the record
        } catch (XeroAnswerException e) {
            // without the answer a create could duplicate what Xero has: the run stops, nothing is lost
            throw new XeroAnswerException(lookUp + e.getMessage(), e);
        }
        JsonNode documents = answer.path(kind.path());
        if (!documents.isArray()) {
            throw new XeroAnswerException(lookUp + "Xero's answer has no " + kind.path() + " list");
        }
        // a bill and a sales invoice may share a Reference: only a document of the type sent is the one lost
        Object type = kind == XeroCollection.INVOICES ? numbered.get(0).element().get("Type") : null;
        Map<String, String> found = new HashMap<>();
        for (JsonNode document : documents) {
            if (type != null && document.hasNonNull("Type") && !type.equals(document.path("Type").asText())) {
                continue;
            }
            if ("DELETED".equals(document.path("Status").asText())) {
                continue; // a deleted payment is listed too, and is not the one whose answer was lost
            }
            if (!document.hasNonNull(kind.idField()) || !document.hasNonNull(field)) {
                log.warn("Xero's answer to the {} look-up holds a document without {} or {}; ignored", kind.path(),
                        kind.idField(), field);
                continue;
            }
            found.put(document.path(field).asText(), document.path(kind.idField()).asText());
        }
        return found;
    }

    /**
     * Xero's PurchaseOrders take no {@code where} filter but are read by number
     * ({@code GET PurchaseOrders/{PurchaseOrderNumber}}): one call per record, a 404 is "not there".
     */
    private Map<String, String> findOneByOne(XeroCollection kind, String field, List<Outgoing> numbered) {
        Map<String, String> found = new HashMap<>();
        for (Outgoing record : numbered) {
            JsonNode answer;
            try {
                answer = xero.get(kind.path() + "/" + encode(record.number()));
            } catch (XeroNotFoundException e) {
                continue;
            } catch (XeroAnswerException e) {
                throw new XeroAnswerException("Looking up " + kind.path() + " " + record.number() + " in Xero by " + field
                        + " (sent before, its answer lost) failed; it was not sent again and is looked up in the next run: "
                        + e.getMessage(), e);
            }
            JsonNode document = answer.path(kind.path()).path(0);
            if (document.hasNonNull(kind.idField()) && record.number().equals(document.path(field).asText())) {
                found.put(record.number(), document.path(kind.idField()).asText());
            }
        }
        return found;
    }

    private static String searchField(XeroCollection kind, Outgoing sample) {
        return switch (kind) {
            case CONTACTS -> sample.element().containsKey("ContactNumber") ? "ContactNumber" : "Name";
            case INVOICES -> sample.element().containsKey("InvoiceNumber") ? "InvoiceNumber" : "Reference";
            default -> kind.numberField();
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
