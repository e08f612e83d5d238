package io.fieldsync.entities;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fieldsync.push.PushDocuments;
import io.fieldsync.push.PushSkip;
import io.fieldsync.push.PushedEntity;
import org.springframework.stereotype.Component;

/**
 * Field-service payments become Xero payments against their invoice ({@code routes/push-payments.camel.yaml},
 * {@code mappings/payment.to-xero.jsonata}). Refunds are not sent; a payment waits for its invoice;
 * Xero never changes a payment, so one is sent once.
 */
@Component
public class Payments implements PushedEntity {

    private final PushDocuments documents;

    public Payments(PushDocuments documents) {
        this.documents = documents;
    }

    @Override
    public String name() {
        return "payment";
    }

    /** Each payment with the invoice it pays: its Xero id when linked, else why it is not in Xero. */
    @Override
    public List<Map<String, Object>> documents(List<Map<String, Object>> rows) {
        List<Map<String, Object>> payments = documents.linked(name(), rows);
        Map<Long, Map<String, Object>> invoices = documents.dependencies("invoice", PushDocuments.ids(rows, "invoice_id"));
        for (Map<String, Object> payment : payments) {
            Map<String, Object> invoice = new java.util.LinkedHashMap<>(invoices.get(PushDocuments.id(payment, "invoice_id")));
            invoice.put("invoice_number", payment.get("invoice_number"));
            invoice.put("status", payment.get("invoice_status"));
            payment.put("invoice", invoice);
        }
        return payments;
    }

    @Override
    public Optional<PushSkip> skip(Map<String, Object> payment) {
        BigDecimal amount = new BigDecimal(String.valueOf(payment.get("amount")));
        if (amount.signum() <= 0) {
            return PushSkip.rule("Refund or zero payment (" + amount.toPlainString() + "): refunds are not exported");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> invoice = (Map<String, Object>) payment.get("invoice");
        return PushSkip.unlessInXero(invoice, "Invoice " + invoice.get("invoice_number"), "the payment");
    }

    @Override
    public Optional<PushSkip> skipChange(Map<String, Object> payment) {
        return PushSkip.rule("Changed after it reached Xero as payment " + payment.get("xero_id")
                + "; Xero does not change a payment: delete it in Xero, then re-sync it to send this version");
    }
}
