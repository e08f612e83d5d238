package io.fieldsync.entities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.fieldsync.push.PushDocuments;
import io.fieldsync.push.PushSkip;
import io.fieldsync.push.SyncRules;
import io.fieldsync.state.RecordLink;
import io.fieldsync.xero.TaxTypes;
import org.springframework.stereotype.Component;

/**
 * A field-service purchase order as a document, for the purchase order itself ({@link PurchaseOrders})
 * or for the bill a finished one becomes ({@link Bills}): the row with its lines (purchase account,
 * purchase tax type, Xero item code) and the vendor's supplier contact. Both read it through
 * {@code routes/push-purchase-orders.camel.yaml}'s prepare-purchase-orders.
 */
@Component
class PurchaseOrderDocuments {

    private final PushDocuments documents;
    private final TaxTypes taxTypes;
    private final SyncRules rules;

    PurchaseOrderDocuments(PushDocuments documents, TaxTypes taxTypes, SyncRules rules) {
        this.documents = documents;
        this.taxTypes = taxTypes;
        this.rules = rules;
    }

    /** {@code lines} are the rows of the route's line query for this page, each with purchase_order_id. */
    List<Map<String, Object>> of(String entity, List<Map<String, Object>> rows, List<Map<String, Object>> lines) {
        List<Map<String, Object>> orders = documents.linked(entity, rows);
        Map<Long, Map<String, Object>> vendors = documents.dependencies("vendor", PushDocuments.ids(rows, "vendor_id"));
        Map<Long, RecordLink> items = documents.linksOf("item", PushDocuments.ids(lines, "material_id"));
        Map<Long, List<Map<String, Object>>> linesByOrder = lines.stream().collect(Collectors.groupingBy(
                line -> PushDocuments.id(line, "purchase_order_id"), LinkedHashMap::new, Collectors.toList()));
        boolean sendTax = rules.invoices().sendTax();
        String purchaseAccount = rules.purchaseAccount();

        for (Map<String, Object> order : orders) {
            Map<String, Object> vendor = new LinkedHashMap<>(vendors.get(PushDocuments.id(order, "vendor_id")));
            vendor.put("name", order.get("vendor_name"));
            order.put("vendor", vendor);
            List<Map<String, Object>> documentLines = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Map<String, Object> line : linesByOrder.getOrDefault(PushDocuments.id(order, "id"), List.of())) {
                Map<String, Object> documentLine = new LinkedHashMap<>(line);
                RecordLink item = line.get("material_id") == null ? null
                        : items.get(((Number) line.get("material_id")).longValue());
                documentLine.put("item_code", item == null ? null : item.getXeroNumber());
                documentLine.put("account_code", purchaseAccount);
                documentLine.put("tax_type", TaxLines.taxType(taxTypes, TaxLines.Side.PURCHASES, sendTax, line, problems));
                documentLines.add(documentLine);
            }
            if (documentLines.isEmpty()) {
                problems.add("Purchase order " + order.get("po_number") + " has no lines");
            }
            order.put("lines", documentLines);
            order.put(PushDocuments.PROBLEMS, problems);
        }
        return orders;
    }

    /** A purchase order and its bill go to the vendor's supplier contact: both wait for it. */
    static Optional<PushSkip> vendorMissing(Map<String, Object> order, String what) {
        @SuppressWarnings("unchecked")
        Map<String, Object> vendor = (Map<String, Object>) order.get("vendor");
        return PushSkip.unlessInXero(vendor, "Vendor " + (vendor == null ? "?" : vendor.get("name")), "the " + what);
    }
}
