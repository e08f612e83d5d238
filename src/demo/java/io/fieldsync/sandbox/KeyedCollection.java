package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;
import java.util.function.Supplier;

/**
 * A collection whose documents are found by their id or by the number a client knows them by
 * (ContactNumber, Code, ...). Every write first finds the document it targets the same way, so that
 * is done here once; what a collection then checks and stores stays with the collection.
 */
abstract class KeyedCollection implements DocumentCollection {
    final SandboxStore store;
    private final String name;
    private final String idField;
    private final String numberField;
    private final String notFound;

    /**
     * @param numberField the natural number field, or null where documents have only an id (Payments)
     * @param notFound    Xero's message for an id that names nothing, with {@code %s} for the id
     */
    KeyedCollection(SandboxStore store, String name, String idField, String numberField, String notFound) {
        this.store = store;
        this.name = name;
        this.idField = idField;
        this.numberField = numberField;
        this.notFound = notFound;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final ObjectNode lookup(String idOrNumber) {
        ObjectNode byId = store.find(name, idOrNumber);
        return byId != null || numberField == null ? byId : store.findBy(name, numberField, idOrNumber);
    }

    /**
     * Finds the stored document the write targets: the one its id names (in the path, else in the
     * element), an error when that id names nothing, or on POST the one with its number. Then hands
     * over to {@link #apply}.
     */
    @Override
    public final ElementResult write(ObjectNode in, boolean post, String pathId, SandboxRequest request) {
        String id = pathId != null ? pathId : Json.text(in, idField);
        ObjectNode existing = null;
        if (id != null) {
            existing = lookup(id);
            if (existing == null) {
                return ElementResult.error(in, String.format(notFound, id));
            }
        } else if (post) {
            existing = matchOnPost(in);
        }
        return apply(in, existing, request);
    }

    /** The stored document a POST without an id updates rather than creates: by default, the one with its number. */
    ObjectNode matchOnPost(ObjectNode in) {
        return numberField == null ? null : store.findBy(name, numberField, Json.text(in, numberField));
    }

    /** Checks and stores one element against the document it targets; {@code existing} is null for a new one. */
    abstract ElementResult apply(ObjectNode in, ObjectNode existing, SandboxRequest request);

    /**
     * What a write builds on: a copy of the stored document (or a fresh one) with the fields the client
     * may set taken from the element; anything else is dropped silently, as Xero drops it.
     */
    static ObjectNode draft(ObjectNode existing, Supplier<ObjectNode> fresh, ObjectNode in, Set<String> writable) {
        ObjectNode document = existing != null ? existing.deepCopy() : fresh.get();
        writable.forEach(field -> {
            if (in.has(field)) {
                document.set(field, in.get(field).deepCopy());
            }
        });
        return document;
    }
}
