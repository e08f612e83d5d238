package io.fieldsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PeriodComparisonTest {

    static final String CUSTOMER = "c-1";
    final PeriodComparison comparison = new PeriodComparison();

    static FsmDocument fsm(long id, String xeroId, String total, String status, String paid) {
        BigDecimal sum = new BigDecimal(total);
        return new FsmDocument(DocumentKind.INVOICE, id, "INV" + id, xeroId, sum, sum.divide(BigDecimal.valueOf(11), 2,
                java.math.RoundingMode.HALF_UP), status, new BigDecimal(paid));
    }

    static XeroDocument xero(String id, String number, String total, String status, String paid) {
        BigDecimal sum = new BigDecimal(total);
        return new XeroDocument(id, "ACCREC", number, CUSTOMER, sum, sum.divide(BigDecimal.valueOf(11), 2, java.math.RoundingMode.HALF_UP),
                status, new BigDecimal(paid));
    }

    PeriodComparison.Outcome compare(List<FsmDocument> fsm, List<XeroDocument> xero) {
        return comparison.compare(fsm, xero, Set.of("x-1", "x-2", "x-3", "x-9"), Set.of(CUSTOMER));
    }

    @Test
    void linkedPairsThatAgreeAreCountedNotListed() {
        PeriodComparison.Outcome outcome = compare(
                List.of(fsm(1, "x-1", "110.00", "AUTHORISED", "0"), fsm(2, "X-2", "220.00", "PAID", "220.00")),
                List.of(xero("x-1", "INV1", "110.0", "AUTHORISED", "0.00"), xero("x-2", "INV2", "220.00", "PAID", "220")));

        assertThat(outcome.matched()).isEqualTo(2);
        assertThat(outcome.differences()).isEmpty();
    }

    @Test
    void aPairWhoseTotalDiffersIsDifferentWithBothTotals() {
        PeriodComparison.Outcome outcome = compare(List.of(fsm(1, "x-1", "110.00", "AUTHORISED", "0")),
                List.of(xero("x-1", "INV1", "121.00", "AUTHORISED", "0")));

        assertThat(outcome.matched()).isZero();
        Difference row = outcome.differences().get(0);
        assertThat(row.status()).isEqualTo(Difference.Status.DIFFERENT);
        assertThat(row.fsmTotal()).isEqualByComparingTo("110.00");
        assertThat(row.xeroTotal()).isEqualByComparingTo("121.00");
        assertThat(row.differs()).containsExactly("total", "tax");
        assertThat(row).extracting(Difference::localId, Difference::number, Difference::xeroId).containsExactly(1L, "INV1", "x-1");
    }

    @Test
    void statusAndAmountPaidDifferencesAreNamed() {
        PeriodComparison.Outcome outcome = compare(List.of(fsm(1, "x-1", "110.00", "PAID", "110.00")),
                List.of(xero("x-1", "INV1", "110.00", "AUTHORISED", "50.00")));

        assertThat(outcome.differences()).singleElement().satisfies(row -> {
            assertThat(row.differs()).containsExactly("status", "amountPaid");
            assertThat(row.fsmStatus()).isEqualTo("PAID");
            assertThat(row.xeroStatus()).isEqualTo("AUTHORISED");
            assertThat(row.xeroAmountPaid()).isEqualByComparingTo("50.00");
        });
    }

    @Test
    void aZeroInvoicePaidHereAndAuthorisedInXeroMatches() {
        assertThat(compare(List.of(fsm(1, "x-1", "0.00", "PAID", "0")), List.of(xero("x-1", "INV1", "0.00", "AUTHORISED", "0"))).matched())
                .isEqualTo(1);
    }

    @Test
    void neverExportedOrGoneOrVoidedInXeroIsMissedInXero() {
        PeriodComparison.Outcome outcome = compare(
                List.of(fsm(1, null, "110.00", "AUTHORISED", "0"), fsm(2, "x-2", "110.00", "AUTHORISED", "0"),
                        fsm(3, "x-3", "110.00", "AUTHORISED", "0")),
                List.of(xero("x-3", "INV3", "110.00", "VOIDED", "0")));

        assertThat(outcome.matched()).isZero();
        assertThat(outcome.differences()).extracting(Difference::localId, Difference::status, Difference::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, Difference.Status.MISSED_IN_XERO, "never exported to Xero"),
                org.assertj.core.groups.Tuple.tuple(2L, Difference.Status.MISSED_IN_XERO,
                        "the linked Xero document is not among Xero's invoices of the period: deleted, or dated outside it"),
                org.assertj.core.groups.Tuple.tuple(3L, Difference.Status.MISSED_IN_XERO, "the linked Xero document is VOIDED"));
    }

    @Test
    void voidOnBothSidesOrVoidHereAndDeletedThereMatches() {
        PeriodComparison.Outcome outcome = compare(
                List.of(fsm(1, "x-1", "110.00", "VOIDED", "0"), fsm(2, "x-2", "110.00", "VOIDED", "0")),
                List.of(xero("x-1", "INV1", "110.00", "VOIDED", "0")));

        assertThat(outcome.matched()).isEqualTo(2);
        assertThat(outcome.differences()).isEmpty();
    }

    @Test
    void anUnlinkedXeroInvoiceOfALinkedContactIsMissedInFsm() {
        XeroDocument typedIntoXero = xero("x-new", "INV-X1", "55.00", "AUTHORISED", "0");
        XeroDocument otherCustomer = new XeroDocument("x-other", "ACCREC", "INV-X2", "someone-else", BigDecimal.TEN, BigDecimal.ONE,
                "AUTHORISED", BigDecimal.ZERO);
        XeroDocument deleted = xero("x-deleted", "INV-X3", "55.00", "DELETED", "0");
        XeroDocument linkedOutsideThePeriod = xero("x-9", "INV9", "55.00", "AUTHORISED", "0");

        PeriodComparison.Outcome outcome = compare(List.of(), List.of(typedIntoXero, otherCustomer, deleted, linkedOutsideThePeriod));

        assertThat(outcome.differences()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(Difference.Status.MISSED_IN_FSM);
            assertThat(row.entity()).isEqualTo("invoice");
            assertThat(row.localId()).isNull();
            assertThat(row.number()).isEqualTo("INV-X1");
            assertThat(row.xeroId()).isEqualTo("x-new");
            assertThat(row.fsmTotal()).isNull();
            assertThat(row.xeroTotal()).isEqualByComparingTo("55.00");
        });
    }

    @Test
    void aBillPaidInXeroStillAgreesItsPaymentsAreXerosAlone() {
        FsmDocument bill = new FsmDocument(DocumentKind.BILL, 7, "PO0007", "b-7", new BigDecimal("110.00"), new BigDecimal("10.00"),
                "AUTHORISED", null);
        XeroDocument paid = new XeroDocument("b-7", "ACCPAY", "PO0007", CUSTOMER, new BigDecimal("110.00"), new BigDecimal("10.00"),
                "PAID", new BigDecimal("110.00"));

        assertThat(comparison.compare(List.of(bill), List.of(paid), Set.of("b-7"), Set.of(CUSTOMER)).matched()).isEqualTo(1);
    }

    @Test
    void aBillIsMissedInFsmAsABill() {
        XeroDocument bill = new XeroDocument("b-1", "ACCPAY", "PO-7", CUSTOMER, BigDecimal.TEN, BigDecimal.ONE, "AUTHORISED", BigDecimal.ZERO);

        assertThat(comparison.compare(List.of(), List.of(bill), Set.of(), Set.of(CUSTOMER)).differences())
                .extracting(Difference::entity).containsExactly("bill");
    }
}
