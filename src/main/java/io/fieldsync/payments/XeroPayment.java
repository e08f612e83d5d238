package io.fieldsync.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A Xero payment the import has seen, and what became of it. Outcomes after the first are
 * written under the payment's claim ({@link PaymentClaims}), never by saving this entity.
 */
@Entity
@Table(name = "xero_payment")
public class XeroPayment {

    public enum Outcome {
        /** Being decided: seen, not yet applied, left or recognised. */
        SEEN, IMPORTED, MATCHED, UNMATCHED, OURS, IGNORED,
        /** Deleted or voided in Xero after it was applied: taken back out of the field-service books. */
        REVERSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_ref", nullable = false)
    private Long tenantRef;

    @Column(name = "payment_id", nullable = false)
    private String paymentId;

    @Column(name = "invoice_xero_id")
    private String invoiceXeroId;

    @Column(name = "invoice_number")
    private String invoiceNumber;

    @Column(name = "contact_xero_id")
    private String contactXeroId;

    @Column(name = "contact_name")
    private String contactName;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(name = "paid_on")
    private LocalDate paidOn;

    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    @Column(name = "local_invoice_id")
    private Long localInvoiceId;

    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected XeroPayment() {
    }

    /** Deleted or voided in Xero: taken back out once it was applied, never applied otherwise. */
    static boolean gone(com.fasterxml.jackson.databind.JsonNode payment) {
        String status = payment.path("Status").asText();
        return "DELETED".equals(status) || "VOIDED".equals(status);
    }

    /** The row of a payment as Xero sends it (amount in cents, date as Xero writes it), before anything is decided. */
    static XeroPayment seen(long tenantRef, com.fasterxml.jackson.databind.JsonNode payment) {
        com.fasterxml.jackson.databind.JsonNode invoice = payment.path("Invoice");
        return new XeroPayment(tenantRef, payment.path("PaymentID").asText(), invoice.path("InvoiceID").asText(null),
                invoice.path("InvoiceNumber").asText(null), invoice.path("Contact").path("ContactID").asText(null),
                invoice.path("Contact").path("Name").asText(null),
                payment.path("Amount").decimalValue().setScale(2, java.math.RoundingMode.HALF_UP),
                io.fieldsync.xero.XeroJsonDates.date(payment.path("Date").asText(null)), payment.path("Reference").asText(null));
    }

    XeroPayment(Long tenantRef, String paymentId, String invoiceXeroId, String invoiceNumber, String contactXeroId,
                String contactName, BigDecimal amount, LocalDate paidOn, String reference) {
        this.tenantRef = tenantRef;
        this.paymentId = paymentId;
        this.invoiceXeroId = invoiceXeroId;
        this.invoiceNumber = invoiceNumber;
        this.contactXeroId = contactXeroId;
        this.contactName = contactName;
        this.amount = amount;
        this.paidOn = paidOn;
        this.reference = reference;
        this.createdAt = Instant.now();
    }

    void ended(Outcome outcome, Long localInvoiceId, String reason) {
        this.outcome = outcome;
        this.localInvoiceId = localInvoiceId;
        this.reason = fitted(reason);
        this.updatedAt = Instant.now();
    }

    static String fitted(String reason) {
        return reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
    }

    /** Applied to an FSM invoice: never again, whatever the import reads later. */
    boolean applied() {
        return outcome == Outcome.IMPORTED || outcome == Outcome.MATCHED;
    }

    public Long getId() { return id; }
    public Long getTenantRef() { return tenantRef; }
    public String getPaymentId() { return paymentId; }
    public String getInvoiceXeroId() { return invoiceXeroId; }
    public String getInvoiceNumber() { return invoiceNumber; }
    public String getContactXeroId() { return contactXeroId; }
    public String getContactName() { return contactName; }
    public BigDecimal getAmount() { return amount; }
    public LocalDate getPaidOn() { return paidOn; }
    public String getReference() { return reference; }
    public Outcome getOutcome() { return outcome; }
    public Long getLocalInvoiceId() { return localInvoiceId; }
    public String getReason() { return reason; }
    public Instant getUpdatedAt() { return updatedAt; }
}
