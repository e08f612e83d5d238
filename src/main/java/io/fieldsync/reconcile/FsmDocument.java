package io.fieldsync.reconcile;

import java.math.BigDecimal;

/**
 * A field-service document that should be in Xero, with what Xero should show for it:
 * {@code xeroStatus} is the status the push gives it (AUTHORISED, PAID, VOIDED...), {@code xeroId}
 * the linked Xero document (null when never exported), {@code amountPaid} null where the FSM does not
 * track the document's payments (bills: paid in Xero).
 */
public record FsmDocument(DocumentKind kind, long localId, String number, String xeroId,
                          BigDecimal total, BigDecimal tax, String xeroStatus, BigDecimal amountPaid) {
}
