package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

/**
 * Line amounts, tax and totals as Xero computes them: tax per line, rounded to 2 dp, then summed.
 * Totals a client sends are ignored, so a client that sums differently sees Xero's numbers.
 */
final class LineItemTotals {
    static final Set<String> LINE_AMOUNT_TYPES = Set.of("Exclusive", "Inclusive", "NoTax");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    record Totals(ArrayNode lines, BigDecimal subTotal, BigDecimal totalTax, BigDecimal total) {
    }

    private LineItemTotals() {
    }

    static Totals compute(JsonNode input, String lineAmountTypes, boolean sales, boolean draft, int unitDp,
                          SandboxStore store, List<String> errors) {
        ArrayNode lines = Json.array();
        BigDecimal subTotal = BigDecimal.ZERO.setScale(2);
        BigDecimal totalTax = BigDecimal.ZERO.setScale(2);
        if (input != null && input.isArray()) {
            for (JsonNode in : input) {
                ObjectNode line = line(in, lineAmountTypes, sales, draft, unitDp, store, errors);
                BigDecimal lineAmount = line.get("LineAmount").decimalValue();
                BigDecimal tax = line.get("TaxAmount").decimalValue();
                subTotal = subTotal.add("Inclusive".equals(lineAmountTypes) ? lineAmount.subtract(tax) : lineAmount);
                totalTax = totalTax.add(tax);
                lines.add(line);
            }
        }
        return new Totals(lines, subTotal, totalTax, subTotal.add(totalTax));
    }

    private static ObjectNode line(JsonNode in, String lineAmountTypes, boolean sales, boolean draft, int unitDp,
                                   SandboxStore store, List<String> errors) {
        ObjectNode line = Json.object();
        String lineItemId = Json.text(in, "LineItemID");
        line.put("LineItemID", lineItemId != null ? lineItemId : SandboxStore.newId());
        String itemCode = Json.text(in, "ItemCode");
        JsonNode itemDetails = null;
        if (itemCode != null) {
            ObjectNode item = store.findBy("Items", "Code", itemCode);
            if (item == null) {
                errors.add("Item code '" + itemCode + "' is not valid.");
            } else {
                line.put("ItemCode", item.get("Code").asText());
                ObjectNode itemRef = line.putObject("Item");
                itemRef.put("ItemID", item.get("ItemID").asText());
                itemRef.put("Name", Json.text(item, "Name"));
                itemRef.put("Code", item.get("Code").asText());
                itemDetails = item.get(sales ? "SalesDetails" : "PurchaseDetails");
            }
        }
        String description = Json.text(in, "Description");
        if (description == null && itemCode != null) {
            description = Json.text(store.findBy("Items", "Code", itemCode), sales ? "Description" : "PurchaseDescription");
        }
        if (description == null && itemCode == null) {
            errors.add("Description needs to be specified for each line item.");
        }
        line.put("Description", description == null ? "" : description);

        BigDecimal quantity = decimal(in, "Quantity", BigDecimal.ONE).setScale(4, RoundingMode.HALF_UP);
        // an item's price stands in for a missing UnitAmount only when no LineAmount was given:
        // with a LineAmount, Xero works the unit amount out from it
        BigDecimal unitAmount = decimal(in, "UnitAmount",
                itemDetails == null || in.hasNonNull("LineAmount") ? null : decimal(itemDetails, "UnitPrice", null));
        BigDecimal discount = decimal(in, "DiscountRate", null);
        BigDecimal lineAmount;
        if (unitAmount != null) {
            unitAmount = unitAmount.setScale(unitDp, RoundingMode.HALF_UP);
            BigDecimal gross = quantity.multiply(unitAmount);
            if (discount != null) {
                gross = gross.multiply(HUNDRED.subtract(discount)).divide(HUNDRED);
            }
            lineAmount = gross.setScale(2, RoundingMode.HALF_UP);
        } else {
            lineAmount = decimal(in, "LineAmount", BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
            unitAmount = quantity.signum() == 0 ? BigDecimal.ZERO.setScale(unitDp)
                    : lineAmount.divide(quantity, unitDp, RoundingMode.HALF_UP);
        }
        line.put("UnitAmount", unitAmount);
        line.put("Quantity", quantity);
        if (discount != null) {
            line.put("DiscountRate", discount);
        }

        String accountCode = Json.text(in, "AccountCode");
        if (accountCode == null && itemDetails != null) {
            accountCode = Json.text(itemDetails, "AccountCode");
        }
        ObjectNode account = accountCode == null ? null : store.findBy("Accounts", "Code", accountCode);
        if (accountCode != null && account == null) {
            errors.add("Account code '" + accountCode + "' is not a valid code for this document.");
        } else if (accountCode == null && !draft && !descriptionOnly(in)) {
            errors.add("Account code must be specified for each line item.");
        }
        if (accountCode != null) {
            line.put("AccountCode", accountCode);
        }
        if (account != null) {
            line.put("AccountID", account.get("AccountID").asText());
        }

        String taxType = Json.text(in, "TaxType");
        if (taxType == null && itemDetails != null) {
            taxType = Json.text(itemDetails, "TaxType");
        }
        if (taxType == null) {
            taxType = account != null && Json.text(account, "TaxType") != null ? Json.text(account, "TaxType")
                    : sales ? "OUTPUT" : "INPUT";
        }
        BigDecimal rate = store.taxRate(taxType);
        if (rate == null) {
            errors.add("The TaxType code '" + taxType + "' does not exist or cannot be used with this type of transaction.");
            rate = BigDecimal.ZERO;
        }
        BigDecimal tax = switch (lineAmountTypes) {
            case "Inclusive" -> lineAmount.multiply(rate).divide(HUNDRED.add(rate), 2, RoundingMode.HALF_UP);
            case "NoTax" -> BigDecimal.ZERO.setScale(2);
            default -> lineAmount.multiply(rate).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        };
        line.put("TaxType", taxType);
        line.put("TaxAmount", tax);
        line.put("LineAmount", lineAmount);
        line.set("Tracking", in.has("Tracking") ? in.get("Tracking").deepCopy() : Json.array());
        return line;
    }

    static BigDecimal decimal(JsonNode node, String field, BigDecimal fallback) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asText().trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A line carrying only text (a note such as the service address): Xero needs no account for it. */
    private static boolean descriptionOnly(com.fasterxml.jackson.databind.JsonNode in) {
        return !in.hasNonNull("Quantity") && !in.hasNonNull("UnitAmount") && !in.hasNonNull("LineAmount")
                && !in.hasNonNull("ItemCode");
    }
}
