package io.fieldsync.entities;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fieldsync.push.PushDocuments;
import io.fieldsync.push.PushSkip;
import io.fieldsync.push.PushedEntity;
import io.fieldsync.state.RecordLink;

/**
 * A card payment's processor fee or surcharge ({@code routes/push-payment-charges.camel.yaml}): its
 * own record, whose local id is the payment's, that moves money beside the payment and so follows
 * it into Xero. {@link PaymentFees} and {@link PaymentSurcharges} say which column and mapping.
 */
abstract class PaymentCharges implements PushedEntity {

    private final PushDocuments documents;
    private final String amountColumn;
    private final String what;

    PaymentCharges(PushDocuments documents, String amountColumn, String what) {
        this.documents = documents;
        this.amountColumn = amountColumn;
        this.what = what;
    }

    /** Each charge with the payment's Xero id (or why it has none) and the customer's contact, who paid. */
    @Override
    public List<Map<String, Object>> documents(List<Map<String, Object>> rows) {
        List<Map<String, Object>> charges = documents.linked(name(), rows);
        Map<Long, Map<String, Object>> payments = documents.dependencies("payment", PushDocuments.ids(rows, "id"));
        Map<Long, RecordLink> customers = documents.linksOf("contact", PushDocuments.ids(rows, "customer_id"));
        for (Map<String, Object> charge : charges) {
            Map<String, Object> payment = new java.util.LinkedHashMap<>(payments.get(PushDocuments.id(charge, "id")));
            charge.put("payment", payment);
            RecordLink customer = charge.get("customer_id") == null ? null
                    : customers.get(PushDocuments.id(charge, "customer_id"));
            charge.put("customer", Map.of("xero_id", customer == null ? "" : customer.getXeroId()));
        }
        return charges;
    }

    @Override
    public Optional<PushSkip> skip(Map<String, Object> charge) {
        Object amount = charge.get(amountColumn);
        if (amount == null || new BigDecimal(String.valueOf(amount)).signum() <= 0) {
            return PushSkip.rule("No " + what + " on this payment (" + amount + "): nothing to export"
                    + (charge.get("xero_id") == null ? "" : "; the one sent before stays in Xero as " + charge.get("xero_id")));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> payment = (Map<String, Object>) charge.get("payment");
        return PushSkip.unlessInXero(payment, "Payment " + charge.get("id"), "its " + what);
    }
}
