package io.fieldsync.push;

/** {@code fieldsync.invoices.*}: how field-service invoices become Xero invoices (read through {@link SyncRules}). */
public record InvoiceRules(String numbering, String referencePrefix, String status, String salesAccount,
                           boolean sendTax, boolean technicianOnLines) {

    public boolean xeroNumbers() {
        return "xero".equalsIgnoreCase(numbering);
    }
}
