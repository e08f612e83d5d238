package io.fieldsync.reconcile;

/**
 * The kinds of document the reconciliation compares: each is an FSM record linked (record_link
 * entity) to a Xero invoice of one Type. Bills (finished purchase orders, ACCPAY) slot in beside
 * sales invoices with their own FSM reader.
 */
public enum DocumentKind {
    INVOICE("invoice", "ACCREC"),
    BILL("bill", "ACCPAY");

    private final String entity;
    private final String xeroType;

    DocumentKind(String entity, String xeroType) {
        this.entity = entity;
        this.xeroType = xeroType;
    }

    /** The entity name of the API and of record_link. */
    public String entity() {
        return entity;
    }

    /** Xero's invoice Type for this kind. */
    public String xeroType() {
        return xeroType;
    }
}
