package io.fieldsync.reconcile;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

/** One Xero invoice (sales invoice or bill) as the reconciliation reads it. */
public record XeroDocument(String xeroId, String type, String number, String contactId,
                           BigDecimal total, BigDecimal tax, String status, BigDecimal amountPaid) {

    /** From an element of Xero's Invoices answer; a bill's own number is its supplier's, its Reference is ours. */
    public static XeroDocument of(JsonNode invoice) {
        String type = invoice.path("Type").asText(null);
        String number = "ACCPAY".equals(type) && invoice.hasNonNull("Reference")
                ? invoice.path("Reference").asText() : invoice.path("InvoiceNumber").asText(null);
        return new XeroDocument(invoice.path("InvoiceID").asText(), type, number,
                invoice.path("Contact").path("ContactID").asText(null),
                decimal(invoice, "Total"), decimal(invoice, "TotalTax"), invoice.path("Status").asText(null),
                decimal(invoice, "AmountPaid"));
    }

    /** Deleted and voided documents count for nothing in the books. */
    public boolean isCancelled() {
        return "DELETED".equals(status) || "VOIDED".equals(status);
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? BigDecimal.ZERO : new BigDecimal(value.asText());
    }
}
