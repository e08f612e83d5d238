package io.fieldsync.payments;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.fieldsync.settings.PaymentProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one import that may write a Xero payment into the field-service database (or take it back
 * out): the one whose conditional UPDATE set the claim on the payment's {@code xero_payment} row.
 * The database makes the UPDATE atomic, so two imports (two nodes, the timer and a sync) never
 * both hold it; the loser is told so and moves on. A claim whose run has ended, or older than
 * {@code fieldsync.payments.claim-timeout}, was left by an import that died: another takes it over
 * (the field-service insert is insert-if-absent, so a takeover never doubles what the dead one wrote).
 */
@Component("paymentClaims")
public class PaymentClaims {

    /** Outcomes still open for the import to decide: not yet applied, not ours, not ignored. */
    private static final String UNDECIDED = "('SEEN', 'UNMATCHED')";
    /** Outcomes whose payment is in the field-service books: the only ones a reversal takes out. */
    private static final String APPLIED = "('IMPORTED', 'MATCHED')";

    /** Fencing: a run claims only while its epoch is its organisation's (a run that lost it claims nothing). */
    private static final String OWNS_ORGANISATION = """

                           and exists (select 1 from sync_run r join xero_tenant t on t.id = r.tenant_ref
                                        where r.id = ? and r.status = 'RUNNING' and r.run_epoch = t.run_epoch)""";

    private final JdbcTemplate state;
    private final Duration timeout;

    public PaymentClaims(JdbcTemplate state, PaymentProperties payments) {
        this.state = state;
        this.timeout = payments.claimTimeout();
    }

    /**
     * Writes the payment's row the first time any import sees it (outcome SEEN). Two imports
     * seeing it at once both try; the unique key keeps one row and the other insert is a no-op.
     */
    public void register(XeroPayment payment) {
        try {
            state.update(INSERT_ROW, row(payment, XeroPayment.Outcome.SEEN, "being decided", Timestamp.from(Instant.now())));
        } catch (DuplicateKeyException anotherImportSawItFirst) {
            // its row is the one: the claim decides who writes the payment
        }
    }

    /**
     * Rows for payments decided at first sight (FieldSync's own coming back), in one batch of the
     * caller's transaction; an import that wrote one of them first makes the batch fail whole.
     */
    public void registerDecided(List<XeroPayment> payments, XeroPayment.Outcome outcome, String reason) {
        Timestamp now = Timestamp.from(Instant.now());
        state.batchUpdate(INSERT_ROW, payments.stream().map(payment -> row(payment, outcome, reason, now)).toList());
    }

    private static final String INSERT_ROW = """
            insert into xero_payment (tenant_ref, payment_id, invoice_xero_id, invoice_number, contact_xero_id,
                                      contact_name, amount, paid_on, reference, outcome, reason, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static Object[] row(XeroPayment payment, XeroPayment.Outcome outcome, String reason, Timestamp now) {
        return new Object[] {payment.getTenantRef(), payment.getPaymentId(), payment.getInvoiceXeroId(), payment.getInvoiceNumber(),
                payment.getContactXeroId(), payment.getContactName(), payment.getAmount(),
                payment.getPaidOn() == null ? null : java.sql.Date.valueOf(payment.getPaidOn()), payment.getReference(),
                outcome.name(), reason, now, now};
    }

    /** A claim to decide (and apply) a payment not applied yet; null when another import holds it. */
    public String claimUndecided(long tenant, String paymentId, Long runId) {
        return claim(tenant, paymentId, runId, UNDECIDED);
    }

    /** A claim to take an applied payment back out of the field-service books; null when another import holds it. */
    public String claimApplied(long tenant, String paymentId, Long runId) {
        return claim(tenant, paymentId, runId, APPLIED);
    }

    /**
     * Ends the claim with the payment's outcome; false when the claim was no longer this import's
     * (taken over as dead), in which case nothing is written.
     */
    public boolean settle(long tenant, String paymentId, String token, XeroPayment.Outcome outcome, Long localInvoiceId,
                          String reason) {
        return state.update("""
                        update xero_payment set outcome = ?, local_invoice_id = coalesce(?, local_invoice_id), reason = ?,
                               updated_at = ?, claim_token = null, claimed_at = null, claim_run_id = null
                         where tenant_ref = ? and payment_id = ? and claim_token = ?""",
                outcome.name(), localInvoiceId, XeroPayment.fitted(reason), Timestamp.from(Instant.now()), tenant, paymentId,
                token) == 1;
    }

    private String claim(long tenant, String paymentId, Long runId, String outcomes) {
        String token = UUID.randomUUID().toString();
        Instant now = Instant.now();
        java.util.List<Object> arguments = new java.util.ArrayList<>(java.util.Arrays.asList(
                token, Timestamp.from(now), runId, tenant, paymentId, Timestamp.from(now.minus(timeout))));
        if (runId != null) {
            arguments.add(runId);
        }
        int claimed = state.update("""
                        update xero_payment set claim_token = ?, claimed_at = ?, claim_run_id = ?
                         where tenant_ref = ? and payment_id = ? and outcome in %s
                           and (claim_token is null or claimed_at < ?
                                or (claim_run_id is not null
                                    and not exists (select 1 from sync_run r where r.id = claim_run_id and r.status = 'RUNNING')))%s"""
                        .formatted(outcomes, runId == null ? "" : OWNS_ORGANISATION),
                arguments.toArray());
        return claimed == 1 ? token : null;
    }
}
