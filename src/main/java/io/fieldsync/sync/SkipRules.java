package io.fieldsync.sync;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Records that are not sent, and why. RULE skips stand until the record changes; DEPENDENCY skips
 * (an invoice whose customer is not in Xero yet) are looked at again every run.
 */
@Component("skipRules")
public class SkipRules {

    private final SyncRules rules;
    private final PushHolds holds;

    public SkipRules(SyncRules rules, PushHolds holds) {
        this.rules = rules;
        this.holds = holds;
    }

    public record Skip(RecordStatus.SkipKind kind, String reason) {
    }

    /** Checked before mapping; {@code document} is the prepared record (an invoice carries its customer). */
    public Optional<Skip> check(String entity, Map<String, Object> document) {
        if (document.get("deleted_at") != null) {
            return rule("Soft-deleted in the field-service database; FieldSync never deletes or archives in Xero");
        }
        if (document.get(PushHolds.AWAITING) != null && document.get("xero_id") == null) {
            // a suggested Xero record may be this one: creating it now would make a second copy
            return Optional.of(new Skip(RecordStatus.SkipKind.DEPENDENCY, holds.reason(entity,
                    document.get("id"), document.get(PushHolds.AWAITING))));
        }
        if ("invoice".equals(entity)) {
            return invoice(document);
        }
        if ("payment".equals(entity)) {
            return payment(document);
        }
        if ("purchase-order".equals(entity)) {
            return purchaseOrder(document);
        }
        if ("bill".equals(entity)) {
            return vendorMissing(document, "bill");
        }
        if ("payment-fee".equals(entity)) {
            return paymentCharge(document, "fee_amount", "card-processor fee");
        }
        if ("payment-surcharge".equals(entity)) {
            return paymentCharge(document, "surcharge_amount", "surcharge");
        }
        return Optional.empty();
    }

    /** A fee or surcharge moves money beside its payment: it follows the payment into Xero. */
    private Optional<Skip> paymentCharge(Map<String, Object> charge, String amountColumn, String what) {
        Object amount = charge.get(amountColumn);
        if (amount == null || new BigDecimal(String.valueOf(amount)).signum() <= 0) {
            return rule("No " + what + " on this payment (" + amount + "): nothing to export"
                    + (charge.get("xero_id") == null ? "" : "; the one sent before stays in Xero as " + charge.get("xero_id")));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> payment = (Map<String, Object>) charge.get("payment");
        if (payment.get("xero_id") == null) {
            Object why = payment.get("sync_problem");
            return Optional.of(new Skip(RecordStatus.SkipKind.DEPENDENCY, "Payment " + charge.get("id") + " is not in Xero"
                    + (why == null ? " yet" : " (" + why + ")") + "; its " + what + " follows once it is"));
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

    /** Sent from ordered on; a cancelled one is deleted in Xero only when the FSM is master and Xero has it. */
    private Optional<Skip> purchaseOrder(Map<String, Object> order) {
        String status = String.valueOf(order.get("status"));
        boolean exported = order.get("xero_id") != null;
        if ("draft".equals(status)) {
            return rule("Draft purchase order: not ordered yet, not exported");
        }
        if ("cancelled".equals(status)) {
            if (!exported) {
                return rule("Cancelled purchase order that never reached Xero: nothing to delete there");
            }
            if (!"fsm".equals(rules.master("purchase-order"))) {
                return rule("Cancelled in the field-service database, but fieldsync.entities.purchase-order.master is "
                        + rules.master("purchase-order") + ": the Xero purchase order is left as it is");
            }
            return Optional.empty();
        }
        if (!Set.of("ordered", "received", "finished").contains(status)) {
            return rule("Purchase order status '" + status + "' is not one FieldSync exports");
        }
        return vendorMissing(order, "purchase order");
    }

    private static Optional<Skip> vendorMissing(Map<String, Object> document, String what) {
        @SuppressWarnings("unchecked")
        Map<String, Object> vendor = (Map<String, Object>) document.get("vendor");
        if (vendor == null || vendor.get("xero_id") == null) {
            Object why = vendor == null ? null : vendor.get("sync_problem");
            return Optional.of(new Skip(RecordStatus.SkipKind.DEPENDENCY, "Vendor "
                    + (vendor == null ? "?" : vendor.get("name")) + " is not in Xero"
                    + (why == null ? " yet" : " (" + why + ")") + "; the " + what + " follows once it is"));
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
        if (customer != null && customer.get("xero_id") == null && customer.get(PushHolds.AWAITING) != null) {
            return Optional.of(new Skip(RecordStatus.SkipKind.DEPENDENCY, "Customer " + customer.get("id") + " ("
                    + customer.get("customer_number") + ") awaits a matching decision ("
                    + customer.get(PushHolds.AWAITING) + "); the invoice follows once it is matched or created"));
        }
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
