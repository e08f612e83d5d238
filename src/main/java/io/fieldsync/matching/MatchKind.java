package io.fieldsync.matching;

import java.util.Arrays;
import java.util.Locale;

/** What is matched: customers with Xero contacts, materials with Xero items. */
public enum MatchKind {
    CONTACTS("contacts", "contact", "customer", "Xero contact"),
    ITEMS("items", "item", "material", "Xero item");

    private final String path;
    private final String entity;
    private final String local;
    private final String remote;

    MatchKind(String path, String entity, String local, String remote) {
        this.path = path;
        this.entity = entity;
        this.local = local;
        this.remote = remote;
    }

    /** The kind an API path names ({@code contacts}, {@code items}), or null. */
    public static MatchKind ofPath(String path) {
        String wanted = path == null ? "" : path.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.path.equals(wanted) || k.entity.equals(wanted)).findFirst().orElse(null);
    }

    /** The kind of a record_link entity (contact, item), or null. */
    public static MatchKind ofEntity(String entity) {
        return Arrays.stream(values()).filter(k -> k.entity.equals(entity)).findFirst().orElse(null);
    }

    /**
     * What record_link keeps as the Xero record's number, as the push does: an item's Code (invoice
     * lines name it), a contact's ContactNumber, else its Name.
     */
    public String linkNumber(MatchCandidate xero) {
        if (this == ITEMS) {
            return xero.number();
        }
        return xero.otherNumber() != null ? xero.otherNumber() : xero.name();
    }

    public String path() { return path; }
    /** The record_link entity. */
    public String entity() { return entity; }
    /** What the field-service side calls one: customer, material. */
    public String local() { return local; }
    /** What the Xero side calls one: Xero contact, Xero item. */
    public String remote() { return remote; }
}
