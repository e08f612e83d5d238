package io.fieldsync.sync;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code fieldsync.invoices.*}: how field-service invoices become Xero invoices. */
@ConfigurationProperties("fieldsync.invoices")
public record InvoiceRules(String numbering, String referencePrefix, String status, String salesAccount,
                           boolean sendTax, boolean technicianOnLines) {

    public boolean xeroNumbers() {
        return "xero".equalsIgnoreCase(numbering);
    }
}
