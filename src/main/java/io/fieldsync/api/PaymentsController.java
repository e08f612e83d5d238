package io.fieldsync.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.fieldsync.payments.PaymentImport;
import io.fieldsync.payments.XeroPayment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Xero payments the import could not put on a field-service invoice: for a person to reconcile. */
@RestController
@RequestMapping("/api/payments")
public class PaymentsController {

    public record UnmatchedPayment(String paymentId, String invoiceNumber, String invoiceId, String contactName,
                                   String contactId, BigDecimal amount, LocalDate date, String reference, String reason,
                                   Instant seenAt) {
        static UnmatchedPayment of(XeroPayment payment) {
            return new UnmatchedPayment(payment.getPaymentId(), payment.getInvoiceNumber(), payment.getInvoiceXeroId(),
                    payment.getContactName(), payment.getContactXeroId(), payment.getAmount(), payment.getPaidOn(),
                    payment.getReference(), payment.getReason(), payment.getUpdatedAt());
        }
    }

    private final PaymentImport payments;

    public PaymentsController(PaymentImport payments) {
        this.payments = payments;
    }

    @GetMapping("/unmatched")
    public List<UnmatchedPayment> unmatched() {
        return payments.unmatched().stream().map(UnmatchedPayment::of).toList();
    }
}
