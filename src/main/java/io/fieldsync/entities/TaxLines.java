package io.fieldsync.entities;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fieldsync.xero.TaxTypes;

/**
 * The Xero tax type of a document line (sales for invoices, purchases for purchase orders and
 * bills), and the problem that fails the document when it has none or one of another rate: Xero
 * would then apply a rate of its own and the totals would no longer be the field-service database's.
 */
final class TaxLines {

    enum Side {
        SALES("fieldsync.tax-types.", "Xero tax type"),
        PURCHASES("fieldsync.purchase-tax-types.", "Xero purchase tax type");

        private final String setting;
        private final String what;

        Side(String setting, String what) {
            this.setting = setting;
            this.what = what;
        }
    }

    private TaxLines() {
    }

    /** The line's tax type; a problem of it goes to {@code problems} when tax is sent. */
    static String taxType(TaxTypes taxTypes, Side side, boolean sendTax, Map<String, Object> line, List<String> problems) {
        String code = (String) line.get("tax_code");
        String taxType = side == Side.SALES ? taxTypes.sales(code, line.get("tax_rate"))
                : taxTypes.purchases(code, line.get("tax_rate"));
        if (!sendTax) {
            return taxType;
        }
        if (taxType == null && code != null) {
            problems.add("line " + line.get("line_no") + ": FSM tax code " + code + " (" + line.get("tax_rate")
                    + " %) has no " + side.what + "; map it with " + side.setting + code
                    + (side == Side.SALES ? ", or send invoices without tax" : ""));
        } else {
            disagreement(taxTypes, side, line, taxType).ifPresent(problems::add);
        }
        return taxType;
    }

    private static Optional<String> disagreement(TaxTypes taxTypes, Side side, Map<String, Object> line, String taxType) {
        return taxTypes.disagreement(line.get("tax_rate"), taxType).map(disagreement -> "line " + line.get("line_no")
                + ": FSM tax code " + line.get("tax_code") + ": " + disagreement + "; map " + side.setting
                + line.get("tax_code") + " to a Xero tax type of the same rate");
    }
}
