package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The organisation's data as Xero would return it. Callers hold the store's monitor for a whole
 * request, so one batch is applied as a unit, as Xero applies it.
 */
final class SandboxStore {
    /** The primary key field of each stored collection. */
    static final Map<String, String> ID_FIELDS = Map.of(
            "Contacts", "ContactID", "Items", "ItemID", "Invoices", "InvoiceID", "Payments", "PaymentID",
            "PurchaseOrders", "PurchaseOrderID", "BankTransactions", "BankTransactionID", "Accounts", "AccountID", "TaxRates", "TaxType");

    private final Clock clock;
    private final String tenantId;
    private final Map<String, LinkedHashMap<String, ObjectNode>> collections = new HashMap<>();
    private final Map<String, List<SandboxAttachment>> attachments = new HashMap<>();
    private final Map<String, Integer> numberSequences = new HashMap<>();
    /** Fields looked up by value on every write (uniqueness, numbering, look-ups): indexed, so a big organisation stays fast. */
    private static final List<String> INDEXED = List.of("ContactNumber", "Name", "Code", "InvoiceNumber", "PurchaseOrderNumber");
    private final Map<String, Map<String, Map<String, java.util.Set<String>>>> index = new HashMap<>();
    private ObjectNode organisation;
    private long lastMillis;

    SandboxStore(Clock clock, String tenantId) {
        this.clock = clock;
        this.tenantId = tenantId;
        reset();
    }

    synchronized void reset() {
        collections.clear();
        index.clear();
        attachments.clear();
        numberSequences.clear();
        Instant now = now();
        for (String name : ID_FIELDS.keySet()) {
            collections.put(name, new LinkedHashMap<>());
        }
        SeedData.accounts(now).forEach(a -> save("Accounts", a));
        SeedData.taxRates().forEach(t -> save("TaxRates", t));
        organisation = SeedData.organisation(tenantId, now);
    }

    /** Strictly increasing, so two changes never share an UpdatedDateUTC millisecond. */
    synchronized Instant now() {
        long millis = Math.max(clock.millis(), lastMillis + 1);
        lastMillis = millis;
        return Instant.ofEpochMilli(millis);
    }

    synchronized List<ObjectNode> all(String collection) {
        return new ArrayList<>(collections.get(collection).values());
    }

    synchronized ObjectNode find(String collection, String id) {
        if (id == null) {
            return null;
        }
        ObjectNode exact = collections.get(collection).get(id);
        if (exact != null) {
            return exact;
        }
        return collections.get(collection).entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(id)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    synchronized ObjectNode findBy(String collection, String field, String value) {
        List<ObjectNode> found = findAllBy(collection, field, value);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every document whose field equals the value, ignoring case, in insertion order. */
    synchronized List<ObjectNode> findAllBy(String collection, String field, String value) {
        if (value == null) {
            return List.of();
        }
        LinkedHashMap<String, ObjectNode> documents = collections.get(collection);
        if (!INDEXED.contains(field)) {
            return documents.values().stream().filter(n -> value.equalsIgnoreCase(Json.text(n, field))).toList();
        }
        java.util.Set<String> ids = index.computeIfAbsent(collection, c -> new HashMap<>())
                .getOrDefault(field, Map.of()).getOrDefault(key(value), java.util.Set.of());
        return ids.stream().map(documents::get).filter(java.util.Objects::nonNull)
                .filter(n -> key(value).equals(key(Json.text(n, field)))).toList();
    }

    private static String key(String value) {
        return value == null ? null : value.trim().toLowerCase(java.util.Locale.ROOT);
    }

    synchronized void save(String collection, ObjectNode document) {
        String id = document.get(ID_FIELDS.get(collection)).asText();
        ObjectNode previous = collections.get(collection).put(id, document);
        Map<String, Map<String, java.util.Set<String>>> fields = index.computeIfAbsent(collection, c -> new HashMap<>());
        for (String field : INDEXED) {
            if (previous != null && Json.text(previous, field) != null) {
                java.util.Set<String> ids = fields.getOrDefault(field, Map.of())
                        .get(key(Json.text(previous, field)));
                if (ids != null) {
                    ids.remove(id);
                }
            }
            String value = Json.text(document, field);
            if (value != null) {
                fields.computeIfAbsent(field, f -> new HashMap<>())
                        .computeIfAbsent(key(value), v -> new java.util.LinkedHashSet<>()).add(id);
            }
        }
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Xero's own numbering for documents sent without a number: INV-0001, PO-0001. */
    synchronized String nextNumber(String prefix, String collection, String field) {
        int next = numberSequences.getOrDefault(prefix, 0);
        String candidate;
        do {
            next++;
            candidate = String.format("%s-%04d", prefix, next);
        } while (findBy(collection, field, candidate) != null);
        numberSequences.put(prefix, next);
        return candidate;
    }

    synchronized List<SandboxAttachment> attachments(String documentId) {
        return attachments.computeIfAbsent(documentId, k -> new ArrayList<>());
    }

    synchronized ObjectNode organisation() {
        return organisation;
    }

    synchronized String organisationName() {
        return organisation.get("Name").asText();
    }

    synchronized void setLockDates(LocalDate periodLockDate, LocalDate endOfYearLockDate) {
        setOrRemove("PeriodLockDate", periodLockDate);
        setOrRemove("EndOfYearLockDate", endOfYearLockDate);
    }

    private void setOrRemove(String field, LocalDate date) {
        if (date == null) {
            organisation.remove(field);
        } else {
            organisation.put(field, XeroDates.msDate(date));
        }
    }

    synchronized LocalDate lockDate(String field) {
        String value = Json.text(organisation, field);
        return value == null ? null : XeroDates.parseDate(value);
    }

    /** The rate of a tax type in percent, or null when Xero has no such tax type. */
    synchronized BigDecimal taxRate(String taxType) {
        ObjectNode rate = find("TaxRates", taxType);
        return rate == null ? null : rate.get("EffectiveRate").decimalValue();
    }
}
