package io.fieldsync.sync;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Records that are not sent, and why. RULE skips stand until the record changes; DEPENDENCY skips
 * (an invoice whose customer is not in Xero yet) are looked at again every run.
 */
@Component("skipRules")
public class SkipRules {

    public record Skip(RecordStatus.SkipKind kind, String reason) {
    }

    /** Checked before mapping; {@code document} is the prepared record (an invoice carries its customer). */
    public Optional<Skip> check(String entity, Map<String, Object> document) {
        if (document.get("deleted_at") != null) {
            return rule("Soft-deleted in the field-service database; FieldSync never deletes or archives in Xero");
        }
        if ("invoice".equals(entity)) {
            return invoice(document);
        }
        if ("payment".equals(entity)) {
            return payment(document);
        }
        return Optional.empty();
    }

    private Optional<Skip> payment(Map<String, Object> payment) {
        BigDecimal amount = new BigDecimal(String.valueOf(payment.get("amount")));
        if (amount.signum() <= 0) {
            return rule("Refund or zero payment (" + amount.toPlainString() + "): refunds are not exported");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> invoice = (Map<String, Object>) payment.get("invoice");
        if (invoice.get("xero_id") == null) {
            Object why = invoice.get("sync_problem");
            return Optional.of(new Skip(RecordStatus.SkipKind.DEPENDENCY, "Invoice " + invoice.get("invoice_number")
                    + " is not in Xero" + (why == null ? " yet" : " (" + why + ")") + "; the payment follows once it is"));
        }
        return Optional.empty();
    }

    private Optional<Skip> invoice(Map<String, Object> invoice) {
        String status = String.valueOf(invoice.get("status"));
        BigDecimal total = new BigDecimal(String.valueOf(invoice.get("total")));
        boolean exported = invoice.get("xero_id") != null;
        if ("draft".equals(status)) {
            return rule("Draft invoice: not final, not exported");
        }
        if (total.signum() < 0) {
            return rule("Refund (total " + total.toPlainString() + "): negative invoices are not exported");
        }
        if (total.signum() == 0 && !"paid".equals(status)) {
            return rule("$0 invoice that is not paid: not exported");
        }
        if ("void".equals(status) && !exported) {
            return rule("Void invoice that was never exported: nothing to void in Xero");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> customer = (Map<String, Object>) invoice.get("customer");
        if (customer == null || customer.get("xero_id") == null) {
            Object why = customer == null ? null : customer.get("sync_problem");
            return Optional.of(new Skip(RecordStatus.SkipKind.DEPENDENCY, "Customer "
                    + (customer == null ? "?" : customer.get("customer_number")) + " is not in Xero"
                    + (why == null ? " yet" : " (" + why + ")") + "; the invoice follows once it is"));
        }
        return Optional.empty();
    }

    private static Optional<Skip> rule(String reason) {
        return Optional.of(new Skip(RecordStatus.SkipKind.RULE, reason));
    }
}
