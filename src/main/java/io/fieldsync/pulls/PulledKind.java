package io.fieldsync.pulls;

import java.util.List;

/**
 * What a pull of one entity needs to know: the Xero collection and its id and number fields, the
 * field-service column that holds the same number, the columns its from-xero mapping writes, and
 * the mappings both ways (the to-xero one tells whether two versions differ in what is synced).
 */
public enum PulledKind {

    CONTACT("contact", "Contacts", "ContactID", "ContactNumber", "customer_number",
            List.of("customer_number", "company_name", "first_name", "last_name", "email", "phone", "mobile", "tax_number",
                    "billing_street", "billing_city", "billing_region", "billing_postcode", "billing_country")),
    ITEM("item", "Items", "ItemID", "Code", "sku",
            List.of("sku", "name", "description", "sell_price", "cost_price"));

    private final String entity;
    private final String collection;
    private final String idField;
    private final String numberField;
    private final String numberColumn;
    private final List<String> columns;

    PulledKind(String entity, String collection, String idField, String numberField, String numberColumn, List<String> columns) {
        this.entity = entity;
        this.collection = collection;
        this.idField = idField;
        this.numberField = numberField;
        this.numberColumn = numberColumn;
        this.columns = columns;
    }

    public static PulledKind of(String entity) {
        for (PulledKind kind : values()) {
            if (kind.entity.equals(entity)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no pull for entity " + entity);
    }

    public String entity() { return entity; }
    public String collection() { return collection; }
    public String idField() { return idField; }
    public String numberField() { return numberField; }
    public String numberColumn() { return numberColumn; }
    public List<String> columns() { return columns; }
    public String fromXero() { return entity + ".from-xero"; }
    public String toXero() { return entity + ".to-xero"; }
}
