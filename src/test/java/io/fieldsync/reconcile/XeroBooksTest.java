package io.fieldsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldsync.xero.RateGovernor;
import io.fieldsync.xero.XeroConnection;
import io.fieldsync.xero.XeroReads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class XeroBooksTest {

    static final Period MARCH = new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    final ObjectMapper json = new ObjectMapper();
    final XeroReads reads = mock(XeroReads.class);
    final XeroConnection connection = mock(XeroConnection.class);
    final RateGovernor governor = mock(RateGovernor.class);
    final XeroBooks books = new XeroBooks(reads, connection, governor, 1000);

    @BeforeEach
    void organisation() {
        when(connection.tenantId()).thenReturn("tenant-1");
        when(governor.perDay()).thenReturn(5000);
        when(governor.dailyReserve()).thenReturn(500);
    }

    ObjectNode page(int invoices, int pageCount) {
        ObjectNode answer = json.createObjectNode();
        ArrayNode list = answer.putArray("Invoices");
        for (int i = 0; i < invoices; i++) {
            list.addObject().put("InvoiceID", "id-" + i).put("Type", "ACCREC").put("Total", 10).put("Status", "AUTHORISED");
        }
        answer.putObject("pagination").put("pageCount", pageCount);
        return answer;
    }

    @Test
    void readsEveryPageOfTheFilteredListOnceAndCountsTheCalls() {
        when(governor.remainingToday("tenant-1")).thenReturn(4000);
        when(reads.get(anyString())).thenReturn(page(1000, 3), page(1000, 3), page(12, 3));

        XeroBooks.Read read = books.documents(DocumentKind.INVOICE, MARCH, 0);

        assertThat(read.apiCalls()).isEqualTo(3);
        assertThat(read.documents()).hasSize(2012);
        verify(reads).get("Invoices?page=1&pageSize=1000&includeArchived=true&where="
                + "Date%20%3E%3D%20DateTime%282026%2C%2003%2C%2001%29%20%26%26%20Date%20%3C%20DateTime%282026%2C%2004%2C%2001%29"
                + "%20%26%26%20Type%20%3D%3D%20%22ACCREC%22");
        verify(reads).get(org.mockito.ArgumentMatchers.startsWith("Invoices?page=3&"));
    }

    @Test
    void refusesBeforeTheFirstCallWhenThePagesNeededWouldEatIntoTheReserve() {
        when(governor.remainingToday("tenant-1")).thenReturn(502); // 2 calls left for syncs

        assertThatThrownBy(() -> books.documents(DocumentKind.INVOICE, MARCH, 2500))
                .isInstanceOf(ReconciliationRefusedException.class)
                .hasMessageContaining("needs 3 more Xero calls").hasMessageContaining("only 2 are left today")
                .hasMessageContaining("500 the rate governor keeps in reserve");
        verify(reads, never()).get(anyString());
    }

    @Test
    void stopsWhenXeroTurnsOutToHoldMoreThanTheBudgetAllows() {
        when(governor.remainingToday("tenant-1")).thenReturn(502, 501);
        when(reads.get(anyString())).thenReturn(page(1000, 4));

        assertThatThrownBy(() -> books.documents(DocumentKind.INVOICE, MARCH, 10))
                .isInstanceOf(ReconciliationRefusedException.class).hasMessageContaining("needs 3 more Xero calls (1 used so far)");
    }
}
