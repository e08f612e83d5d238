package io.fieldsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;

import io.fieldsync.xero.RateGovernor;
import io.fieldsync.xero.XeroConnection;
import org.junit.jupiter.api.Test;

class ReconciliationCostTest {

    private static final Period FINANCIAL_YEAR = new Period(LocalDate.of(2026, 7, 1), LocalDate.of(2027, 6, 30));

    private final FsmBooks fsm = mock(FsmBooks.class);
    private final RateGovernor governor = mock(RateGovernor.class);
    private final XeroConnection connection = mock(XeroConnection.class);

    ReconciliationCostTest() {
        when(connection.tenantId()).thenReturn("tenant-1");
        when(governor.perDay()).thenReturn(5000);
        when(governor.dailyReserve()).thenReturn(500);
        when(fsm.count(DocumentKind.INVOICE, FINANCIAL_YEAR)).thenReturn(2500);
        when(fsm.count(DocumentKind.BILL, FINANCIAL_YEAR)).thenReturn(0);
    }

    @Test
    void aPeriodCostsAPageOfEachKindPerPageSizeOfItsDocumentsAndAtLeastOnePage() {
        ReconciliationCost cost = new ReconciliationCost(fsm, new ReconciliationDocuments("invoice,bill"), governor, connection, 1000);

        ReconciliationCost.Estimate estimate = cost.estimate(FINANCIAL_YEAR);

        assertThat(estimate.calls()).isEqualTo(3 + 1);
        assertThat(estimate.parts()).containsExactly("3 pages of 2500 invoices", "1 page of 0 bills");
    }

    @Test
    void aFinancialYearIsAnsweredWhileTheBudgetLeftPaysForIt() {
        when(governor.remainingToday("tenant-1")).thenReturn(503); // 3 left before the reserve
        ReconciliationCost cost = new ReconciliationCost(fsm, new ReconciliationDocuments("invoice"), governor, connection, 1000);

        assertThat(cost.check(FINANCIAL_YEAR).calls()).isEqualTo(3);
    }

    @Test
    void aPeriodCostingMoreThanTheBudgetLeftIsRefusedWithTheEstimateAndWhatIsLeft() {
        when(governor.remainingToday("tenant-1")).thenReturn(520); // 20 left before the reserve
        ReconciliationCost cost = new ReconciliationCost(fsm, new ReconciliationDocuments("invoice"), governor, connection, 100);

        assertThatThrownBy(() -> cost.check(FINANCIAL_YEAR))
                .isInstanceOf(ReconciliationTooCostlyException.class)
                .hasMessageContaining("would take an estimated 25 Xero calls (25 pages of 2500 invoices, 100 a page)")
                .hasMessageContaining("only 20 are left in today's budget")
                .satisfies(e -> {
                    assertThat(((ReconciliationTooCostlyException) e).callsNeeded()).isEqualTo(25);
                    assertThat(((ReconciliationTooCostlyException) e).callsAvailable()).isEqualTo(20);
                });
    }
}
