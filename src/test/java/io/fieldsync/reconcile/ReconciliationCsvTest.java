package io.fieldsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReconciliationCsvTest {

    @Test
    void oneHeaderLineThenOneLinePerRowQuotedWhereNeeded() {
        Difference different = new Difference("invoice", 7L, "INV0007", "x-7", new BigDecimal("110.00"), new BigDecimal("121.00"),
                Difference.Status.DIFFERENT, List.of("total", "tax"), new BigDecimal("10.00"), new BigDecimal("11.00"),
                "AUTHORISED", "AUTHORISED", BigDecimal.ZERO, BigDecimal.ZERO, "total, tax differ");
        Difference typedIn = new Difference("invoice", null, "=HYPERLINK(\"x\")", "x-9", null, new BigDecimal("55.00"),
                Difference.Status.MISSED_IN_FSM, null, null, null, null, "AUTHORISED", null, null, "in Xero");
        ReconciliationReport report = new ReconciliationReport(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), 12, 1,
                List.of(different, typedIn));

        assertThat(new ReconciliationCsv().render(report)).isEqualTo(
                "entity,localId,number,xeroId,fsmTotal,xeroTotal,status,differs,fsmTax,xeroTax,fsmStatus,xeroStatus,fsmAmountPaid,xeroAmountPaid,reason\r\n"
                        + "invoice,7,INV0007,x-7,110.00,121.00,DIFFERENT,total tax,10.00,11.00,AUTHORISED,AUTHORISED,0,0,\"total, tax differ\"\r\n"
                        + "invoice,,\"'=HYPERLINK(\"\"x\"\")\",x-9,,55.00,MISSED_IN_FSM,,,,,AUTHORISED,,,in Xero\r\n");
    }

    @Test
    void theMonthlyReportCoversTheCalendarMonthBefore() {
        assertThat(Period.monthBefore(LocalDate.of(2026, 3, 1))).isEqualTo(new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
    }
}
