package io.fieldsync.xero;

import java.util.Arrays;

/** The Xero collections FieldSync writes, with the fields that identify their elements. */
public enum XeroCollection {
    CONTACTS("Contacts", "ContactID", "ContactNumber"),
    ITEMS("Items", "ItemID", "Code"),
    INVOICES("Invoices", "InvoiceID", "InvoiceNumber"),
    PAYMENTS("Payments", "PaymentID", "Reference"),
    PURCHASE_ORDERS("PurchaseOrders", "PurchaseOrderID", "PurchaseOrderNumber"),
    /** Spend and Receive Money: card-processor fees and surcharges, found again by their Reference. */
    BANK_TRANSACTIONS("BankTransactions", "BankTransactionID", "Reference"),
    /** Files uploaded to an invoice, bill or purchase order: Xero answers with the stored file. */
    ATTACHMENTS("Attachments", "AttachmentID", "FileName");

    private final String path;
    private final String idField;
    private final String numberField;

    XeroCollection(String path, String idField, String numberField) {
        this.path = path;
        this.idField = idField;
        this.numberField = numberField;
    }

    public static XeroCollection of(String path) {
        return Arrays.stream(values()).filter(c -> c.path.equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("FieldSync does not write Xero collection " + path));
    }

    public String path() { return path; }
    public String idField() { return idField; }
    public String numberField() { return numberField; }

    /**
     * What an element is found again by when its answer was lost: its number, else a contact's
     * Name (a customer without a number) or an invoice's Reference (a bill, numbered by its supplier).
     */
    public String numberOf(java.util.Map<String, Object> element) {
        Object number = element.get(numberField);
        if (number == null && this == CONTACTS) {
            number = element.get("Name");
        }
        if (number == null && this == INVOICES) {
            number = element.get("Reference");
        }
        return number == null ? null : number.toString();
    }
}
