package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A collection clients write to in batches: Contacts, Items, Invoices, PurchaseOrders, Payments. */
interface DocumentCollection {
    String name();

    /** Creates or updates one element; {@code post} allows matching by natural key, as Xero's POST does. */
    ElementResult write(ObjectNode element, boolean post, String pathId, SandboxRequest request);

    /** Looks a document up by the id or number a client may put in the URL. */
    ObjectNode lookup(String idOrNumber);

    /** The document as a list read shows it (Xero trims some lists). */
    default ObjectNode listView(ObjectNode stored, SandboxRequest request) {
        return stored;
    }
}
