package io.fieldsync.entities;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What makes a field-service invoice unfit to send, found before it is mapped: each problem names
 * the field-service field (and line) to correct. An invoice with problems fails on its own
 * ({@link io.fieldsync.push.PushDocuments#PROBLEMS}); the rest of its page goes on. Xero would refuse most of these
 * with a less telling message, or worse, take them: an invoice without lines for 0.00, an
 * invoice below zero.
 */
final class InvoiceChecks {

    /** The statuses of the field-service schema; {@link Invoices} decides what each one means. */
    static final Set<String> STATUSES = Set.of("draft", "issued", "paid", "void");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private InvoiceChecks() {
    }

    /**
     * @param invoice the invoice row
     * @param lines   its lines as the document carries them (each with the Xero {@code item_code} or null)
     */
    static List<String> problems(Map<String, Object> invoice, List<Map<String, Object>> lines) {
        List<String> problems = new ArrayList<>();
        if (blank(invoice.get("invoice_number"))) {
            problems.add("invoice_number is empty: Xero and FieldSync know an invoice by its number");
        }
        if (invoice.get("issue_date") == null) {
            problems.add("issue_date is empty (MySQL's zero date 0000-00-00 reads as empty): Xero needs the invoice's date");
        }
        Object status = invoice.get("status");
        if (!STATUSES.contains(String.valueOf(status))) {
            problems.add("status '" + status + "' is none of draft, issued, paid, void: FieldSync cannot tell"
                    + " whether the invoice is final");
        }
        BigDecimal total = decimal(invoice.get("total"));
        if (lines.isEmpty() && total != null && total.signum() != 0) {
            problems.add("the invoice has no lines but its total is " + total.toPlainString()
                    + ": Xero needs at least one line item and would total it 0.00");
        }
        BigDecimal sum = BigDecimal.ZERO;
        boolean summable = true;
        for (Map<String, Object> line : lines) {
            String where = "line " + line.get("line_no") + ": ";
            if (blank(line.get("description")) && blank(line.get("item_code"))) {
                problems.add(where + "description is empty and the line has no Xero item to take one from:"
                        + " Xero needs a description on every line");
            }
            BigDecimal quantity = decimal(line.get("quantity"));
            BigDecimal unitPrice = decimal(line.get("unit_price"));
            BigDecimal discount = decimal(line.get("discount_percent"));
            if (discount != null && (discount.signum() < 0 || discount.compareTo(HUNDRED) > 0)) {
                problems.add(where + "discount_percent " + discount.toPlainString() + " is outside 0 to 100");
                summable = false;
            }
            if (quantity == null || unitPrice == null) {
                problems.add(where + (quantity == null ? "quantity" : "unit_price") + " is empty");
                summable = false;
                continue;
            }
            BigDecimal amount = quantity.multiply(unitPrice);
            if (discount != null) {
                amount = amount.multiply(HUNDRED.subtract(discount)).divide(HUNDRED);
            }
            sum = sum.add(amount);
        }
        // Negative lines (a returned part, a credit) are fine while the invoice stays at or above zero.
        if (summable && sum.signum() < 0) {
            problems.add("its lines add up to " + sum.setScale(2, RoundingMode.HALF_UP).toPlainString()
                    + " before tax (field-service total " + (total == null ? "empty" : total.toPlainString())
                    + "): Xero does not take an invoice below zero; a refund is a credit note");
        }
        return problems;
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }
}
