package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Purchase orders: a supplier, lines and totals like a bill, numbered PO-0001 by Xero when sent without a number. */
final class PurchaseOrdersApi extends KeyedCollection {
    private static final Set<String> WRITABLE = Set.of("Reference", "BrandingThemeID", "CurrencyCode", "SentToContact",
            "DeliveryAddress", "AttentionTo", "Telephone", "DeliveryInstructions");
    /** Xero's PurchaseOrders take no unitdp: unit amounts are kept to 2 decimals whatever is asked. */
    private static final int UNIT_DECIMALS = 2;
    private static final Set<String> STATUSES = Set.of("DRAFT", "SUBMITTED", "AUTHORISED", "BILLED", "DELETED");

    private final ContactsApi contacts;

    PurchaseOrdersApi(SandboxStore store, ContactsApi contacts) {
        super(store, "PurchaseOrders", "PurchaseOrderID", "PurchaseOrderNumber",
                "Purchase order could not be found with PurchaseOrderID %s.");
        this.contacts = contacts;
    }

    @Override
    ElementResult apply(ObjectNode in, ObjectNode existing, SandboxRequest request) {
        // a billed or deleted purchase order is closed: Xero changes neither
        if (existing != null && Set.of("BILLED", "DELETED").contains(Json.text(existing, "Status"))) {
            return ElementResult.error(in, "Purchase order not of valid status for modification");
        }
        boolean isNew = existing == null;
        ObjectNode order = draft(existing, this::newOrder, in, WRITABLE);
        List<String> errors = new ArrayList<>();
        String status = in.has("Status") ? Json.text(in, "Status") : Json.text(order, "Status");
        if (!STATUSES.contains(status)) {
            errors.add("Purchase order status '" + status + "' is not valid.");
        }
        order.put("Status", status);
        if (in.has("Contact") || isNew) {
            ObjectNode contact = contacts.resolveForTransaction(in.get("Contact"), isNew, errors);
            if (contact != null) {
                order.set("Contact", ContactsApi.summary(contact));
            }
        }
        LocalDate date = InvoicesApi.dateField(in, order, "Date", errors);
        LocalDate deliveryDate = InvoicesApi.dateField(in, order, "DeliveryDate", errors);
        String lineAmountTypes = in.has("LineAmountTypes") ? Json.text(in, "LineAmountTypes") : Json.text(order, "LineAmountTypes");
        if (!LineItemTotals.LINE_AMOUNT_TYPES.contains(lineAmountTypes)) {
            errors.add("LineAmountTypes '" + lineAmountTypes + "' is not valid.");
            lineAmountTypes = "Exclusive";
        }
        if (in.has("LineItems") || in.has("LineAmountTypes") || isNew) {
            LineItemTotals.Totals totals = LineItemTotals.compute(in.has("LineItems") ? in.get("LineItems") : order.get("LineItems"),
                    lineAmountTypes, false, true, UNIT_DECIMALS, store, errors);
            order.put("LineAmountTypes", lineAmountTypes);
            order.set("LineItems", totals.lines());
            order.put("SubTotal", totals.subTotal());
            order.put("TotalTax", totals.totalTax());
            order.put("Total", totals.total());
        }
        if (!errors.isEmpty()) {
            return ElementResult.error(in, errors);
        }
        String number = in.has("PurchaseOrderNumber") ? Json.text(in, "PurchaseOrderNumber") : Json.text(order, "PurchaseOrderNumber");
        order.put("PurchaseOrderNumber", number != null ? number : store.nextNumber("PO", "PurchaseOrders", "PurchaseOrderNumber"));
        LocalDate effectiveDate = date != null ? date : LocalDate.now(ZoneOffset.UTC);
        order.put("DateString", XeroDates.dateString(effectiveDate));
        order.put("Date", XeroDates.msDate(effectiveDate));
        if (deliveryDate != null) {
            order.put("DeliveryDateString", XeroDates.dateString(deliveryDate));
            order.put("DeliveryDate", XeroDates.msDate(deliveryDate));
        }
        order.put("UpdatedDateUTC", XeroDates.msDate(store.now()));
        store.save("PurchaseOrders", order);
        return ElementResult.ok(order);
    }

    private ObjectNode newOrder() {
        ObjectNode order = Json.object();
        order.put("PurchaseOrderID", SandboxStore.newId());
        order.put("Status", "DRAFT");
        order.put("LineAmountTypes", "Exclusive");
        order.putArray("LineItems");
        order.put("CurrencyRate", BigDecimal.ONE.setScale(4));
        order.put("CurrencyCode", "AUD");
        order.put("HasAttachments", false);
        order.put("IsDiscounted", false);
        order.put("SentToContact", false);
        return order;
    }
}
