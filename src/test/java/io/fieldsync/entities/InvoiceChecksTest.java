package io.fieldsync.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What fails a field-service invoice before it is mapped, and what does not. */
class InvoiceChecksTest {

    @Test
    void ordinaryInvoiceWithAReturnedPartHasNoProblem() {
        List<String> problems = InvoiceChecks.problems(invoice("INV0042", "issued", "110.00"),
                List.of(line(1, "Pump service", "3", "50", null, null), line(2, "Returned seal", "-1", "50", null, null)));

        assertThat(problems).isEmpty();
    }

    @Test
    void emptyNumberZeroDateAndUnknownStatusAreEachNamed() {
        Map<String, Object> invoice = invoice("  ", "sent", "55.00");
        invoice.put("issue_date", null);

        assertThat(InvoiceChecks.problems(invoice, List.of(line(1, "Call-out", "1", "50", null, null)))).containsExactly(
                "invoice_number is empty: Xero and FieldSync know an invoice by its number",
                "issue_date is empty (MySQL's zero date 0000-00-00 reads as empty): Xero needs the invoice's date",
                "status 'sent' is none of draft, issued, paid, void: FieldSync cannot tell whether the invoice is final");
    }

    @Test
    void invoiceWithoutLinesFailsUnlessItsTotalIsZero() {
        assertThat(InvoiceChecks.problems(invoice("INV0043", "issued", "55.00"), List.of())).containsExactly(
                "the invoice has no lines but its total is 55.00: Xero needs at least one line item and would total it 0.00");
        assertThat(InvoiceChecks.problems(invoice("INV0044", "paid", "0.00"), List.of())).isEmpty();
    }

    @Test
    void discountOutsideZeroToHundredAndEmptyDescriptionNameTheirLine() {
        List<String> problems = InvoiceChecks.problems(invoice("INV0045", "issued", "55.00"), List.of(
                line(1, "Discounted", "1", "50", "150.00", null),
                line(2, "Negative discount", "1", "50", "-10.00", null),
                line(3, "", "1", "50", null, null),
                line(4, " ", "1", "12.5", null, "PVC-90-ELB"),
                line(5, "Full discount", "1", "50", "100.00", null)));

        assertThat(problems).containsExactly(
                "line 1: discount_percent 150.00 is outside 0 to 100",
                "line 2: discount_percent -10.00 is outside 0 to 100",
                "line 3: description is empty and the line has no Xero item to take one from:"
                        + " Xero needs a description on every line");
    }

    @Test
    void linesAddingUpBelowZeroFailTheInvoice() {
        List<String> problems = InvoiceChecks.problems(invoice("INV0046", "issued", "10.00"), List.of(
                line(1, "Call-out", "1", "20", null, null), line(2, "Refund of call-out", "-2", "60.005", null, null)));

        assertThat(problems).containsExactly("its lines add up to -100.01 before tax (field-service total 10.00):"
                + " Xero does not take an invoice below zero; a refund is a credit note");
    }

    private static Map<String, Object> invoice(String number, String status, String total) {
        Map<String, Object> invoice = new HashMap<>();
        invoice.put("invoice_number", number);
        invoice.put("status", status);
        invoice.put("issue_date", Date.valueOf("2026-10-01"));
        invoice.put("total", new BigDecimal(total));
        return invoice;
    }

    private static Map<String, Object> line(int lineNo, String description, String quantity, String unitPrice,
                                            String discount, String itemCode) {
        Map<String, Object> line = new HashMap<>();
        line.put("line_no", lineNo);
        line.put("description", description);
        line.put("quantity", new BigDecimal(quantity));
        line.put("unit_price", new BigDecimal(unitPrice));
        line.put("discount_percent", discount == null ? null : new BigDecimal(discount));
        line.put("item_code", itemCode);
        return line;
    }
}
