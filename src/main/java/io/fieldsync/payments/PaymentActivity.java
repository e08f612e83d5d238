package io.fieldsync.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * What the payment import did to the field-service books in a period, for the activity report:
 * Xero payments applied to an invoice (IMPORTED, MATCHED) and those taken back out after Xero
 * deleted or voided them (REVERSED), each at the time of its latest change.
 */
@Component("paymentActivity")
public class PaymentActivity {

    public record Entry(String paymentId, String outcome, BigDecimal amount, String invoiceNumber, Long localInvoiceId,
                        Instant at, String reason) {
    }

    private final XeroPaymentRepository payments;

    public PaymentActivity(XeroPaymentRepository payments) {
        this.payments = payments;
    }

    public List<Entry> between(Instant from, Instant to) {
        return payments.findByOutcomeInAndUpdatedAtGreaterThanEqualAndUpdatedAtLessThanOrderByUpdatedAtAscIdAsc(
                        EnumSet.of(XeroPayment.Outcome.IMPORTED, XeroPayment.Outcome.MATCHED, XeroPayment.Outcome.REVERSED), from, to)
                .stream()
                .map(p -> new Entry(p.getPaymentId(), p.getOutcome().name(), p.getAmount(), p.getInvoiceNumber(),
                        p.getLocalInvoiceId(), p.getUpdatedAt(), p.getReason()))
                .toList();
    }
}
