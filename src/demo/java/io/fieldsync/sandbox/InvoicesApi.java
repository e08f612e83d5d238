package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Sales invoices (ACCREC) and bills (ACCPAY), with Xero's totals, numbering and status rules. */
final class InvoicesApi extends KeyedCollection {
    private static final Set<String> WRITABLE = Set.of("Reference", "BrandingThemeID", "Url", "CurrencyCode",
            "SentToContact", "ExpectedPaymentDate", "PlannedPaymentDate");
    private static final Set<String> SETTABLE_STATUSES = Set.of("DRAFT", "SUBMITTED", "AUTHORISED", "DELETED", "VOIDED");
    private static final Set<String> FINAL_STATUSES = Set.of("PAID", "VOIDED", "DELETED");

    private final ContactsApi contacts;

    InvoicesApi(SandboxStore store, ContactsApi contacts) {
        super(store, "Invoices", "InvoiceID", "InvoiceNumber", "Invoice could not be found with InvoiceID %s.");
        this.contacts = contacts;
    }

    /** Xero leaves line items out of unpaged invoice lists. */
    @Override
    public ObjectNode listView(ObjectNode stored, SandboxRequest request) {
        if (request.queryParam("page") != null) {
            return stored;
        }
        ObjectNode trimmed = stored.deepCopy();
        trimmed.remove("LineItems");
        return trimmed;
    }

    /** Only a sales invoice is matched by its number: a bill's number is the supplier's and need not be unique. */
    @Override
    ObjectNode matchOnPost(ObjectNode in) {
        String number = Json.text(in, "InvoiceNumber");
        if (!"ACCREC".equals(Json.text(in, "Type")) || number == null) {
            return null;
        }
        return store.findAllBy("Invoices", "InvoiceNumber", number).stream()
                .filter(i -> "ACCREC".equals(Json.text(i, "Type")))
                .filter(i -> number.equalsIgnoreCase(Json.text(i, "InvoiceNumber")))
                .findFirst().orElse(null);
    }

    @Override
    ElementResult apply(ObjectNode in, ObjectNode existing, SandboxRequest request) {
        List<String> errors = new ArrayList<>();
        if (existing != null) {
            String status = Json.text(existing, "Status");
            if (FINAL_STATUSES.contains(status)) {
                return ElementResult.error(in, "Invoice not of valid status for modification");
            }
            if (existing.get("AmountPaid").decimalValue().signum() > 0 && in.has("LineItems")) {
                return ElementResult.error(in, "This document cannot be edited as it has a payment or credit note allocated to it.");
            }
        }
        boolean isNew = existing == null;
        ObjectNode invoice = draft(existing, this::newInvoice, in, WRITABLE);

        String type = in.has("Type") ? Json.text(in, "Type") : Json.text(invoice, "Type");
        if (type == null) {
            errors.add("Invoice Type must be specified.");
        } else if (!type.equals("ACCREC") && !type.equals("ACCPAY")) {
            errors.add("Invoice Type '" + type + "' is not valid.");
        }
        invoice.put("Type", type);
        boolean sales = "ACCREC".equals(type);

        String status = in.has("Status") ? Json.text(in, "Status") : Json.text(invoice, "Status");
        if (!SETTABLE_STATUSES.contains(status)) {
            errors.add("Invoice status '" + status + "' is not valid for this operation.");
        } else if (status.equals("VOIDED") && !"AUTHORISED".equals(Json.text(invoice, "Status"))) {
            errors.add("Invoice not of valid status for modification");
        } else if (status.equals("VOIDED") && invoice.get("AmountPaid").decimalValue().signum() > 0) {
            errors.add("This document cannot be voided as it has a payment or credit note allocated to it.");
        } else if (status.equals("DELETED") && "AUTHORISED".equals(Json.text(invoice, "Status"))) {
            errors.add("Invoice not of valid status for modification");
        }
        invoice.put("Status", status);

        if (in.has("Contact") || isNew) {
            ObjectNode contact = contacts.resolveForTransaction(in.get("Contact"), isNew, errors);
            if (contact != null) {
                invoice.set("Contact", ContactsApi.summary(contact));
            }
        }

        String number = in.has("InvoiceNumber") ? Json.text(in, "InvoiceNumber") : Json.text(invoice, "InvoiceNumber");
        if (number != null && number.length() > 255) {
            errors.add("Invoice Number must be no more than 255 characters long.");
        }
        if (sales && number != null && duplicateSalesNumber(number, invoice.get("InvoiceID").asText())) {
            errors.add("Invoice # must be unique.");
        }
        String reference = Json.text(invoice, "Reference");
        if (reference != null && reference.length() > 255) {
            errors.add("Reference must be no more than 255 characters long.");
        }

        LocalDate date = dateField(in, invoice, "Date", errors);
        if (date == null) {
            date = LocalDate.now(ZoneOffset.UTC);
        }
        LocalDate dueDate = dateField(in, invoice, "DueDate", errors);
        errors.addAll(LockDates.check(store, date));

        String lineAmountTypes = in.has("LineAmountTypes") ? Json.text(in, "LineAmountTypes") : Json.text(invoice, "LineAmountTypes");
        if (!LineItemTotals.LINE_AMOUNT_TYPES.contains(lineAmountTypes)) {
            errors.add("LineAmountTypes '" + lineAmountTypes + "' is not valid.");
            lineAmountTypes = "Exclusive";
        }
        List<String> warnings = new ArrayList<>();
        if (in.has("LineItems") || in.has("LineAmountTypes") || isNew) {
            LineItemTotals.Totals totals = LineItemTotals.compute(in.has("LineItems") ? in.get("LineItems") : invoice.get("LineItems"),
                    lineAmountTypes, sales, "DRAFT".equals(status), unitDp(request), store, errors);
            invoice.put("LineAmountTypes", lineAmountTypes);
            invoice.set("LineItems", totals.lines());
            invoice.put("SubTotal", totals.subTotal());
            invoice.put("TotalTax", totals.totalTax());
            invoice.put("Total", totals.total());
            BigDecimal sentTotal = LineItemTotals.decimal(in, "Total", null);
            if (sentTotal != null && sentTotal.compareTo(totals.total()) != 0) {
                warnings.add("The Total sent (" + sentTotal.toPlainString() + ") does not match the sum of the line items ("
                        + totals.total().toPlainString() + ") and was ignored.");
            }
        }
        if (!errors.isEmpty()) {
            return ElementResult.error(in, errors);
        }

        if (sales && number == null) {
            number = store.nextNumber("INV", "Invoices", "InvoiceNumber");
        }
        if (number != null) {
            invoice.put("InvoiceNumber", number);
        }
        invoice.put("DateString", XeroDates.dateString(date));
        invoice.put("Date", XeroDates.msDate(date));
        if (dueDate != null) {
            invoice.put("DueDateString", XeroDates.dateString(dueDate));
            invoice.put("DueDate", XeroDates.msDate(dueDate));
        }
        recomputeAmountDue(invoice);
        invoice.put("UpdatedDateUTC", XeroDates.msDate(store.now()));
        store.save("Invoices", invoice);
        ObjectNode contact = store.find("Contacts", invoice.path("Contact").path("ContactID").asText());
        if (contact != null) {
            contacts.markTrading(contact, sales);
        }
        return ElementResult.ok(invoice, warnings);
    }

    static void recomputeAmountDue(ObjectNode invoice) {
        BigDecimal total = invoice.get("Total").decimalValue();
        BigDecimal paid = invoice.get("AmountPaid").decimalValue();
        BigDecimal credited = invoice.get("AmountCredited").decimalValue();
        invoice.put("AmountDue", total.subtract(paid).subtract(credited).setScale(2));
    }

    private boolean duplicateSalesNumber(String number, String selfId) {
        return store.findAllBy("Invoices", "InvoiceNumber", number).stream()
                .filter(i -> "ACCREC".equals(Json.text(i, "Type")))
                .filter(i -> !"DELETED".equals(Json.text(i, "Status")))
                .filter(i -> !i.get("InvoiceID").asText().equals(selfId))
                .anyMatch(i -> number.equalsIgnoreCase(Json.text(i, "InvoiceNumber")));
    }

    static LocalDate dateField(ObjectNode in, ObjectNode stored, String field, List<String> errors) {
        String text = in.has(field) ? Json.text(in, field) : Json.text(stored, field);
        if (text == null) {
            return null;
        }
        LocalDate date = XeroDates.parseDate(text);
        if (date == null) {
            errors.add(field + " '" + text + "' is not a valid date.");
        }
        return date;
    }

    static int unitDp(SandboxRequest request) {
        return request != null && "4".equals(request.queryParam("unitdp")) ? 4 : 2;
    }

    private ObjectNode newInvoice() {
        ObjectNode invoice = Json.object();
        invoice.put("InvoiceID", SandboxStore.newId());
        invoice.put("Status", "DRAFT");
        invoice.put("LineAmountTypes", "Exclusive");
        invoice.putArray("LineItems");
        invoice.putArray("Payments");
        invoice.putArray("CreditNotes");
        invoice.putArray("Prepayments");
        invoice.putArray("Overpayments");
        invoice.put("AmountDue", BigDecimal.ZERO.setScale(2));
        invoice.put("AmountPaid", BigDecimal.ZERO.setScale(2));
        invoice.put("AmountCredited", BigDecimal.ZERO.setScale(2));
        invoice.put("CurrencyRate", BigDecimal.ONE.setScale(4));
        invoice.put("CurrencyCode", "AUD");
        invoice.put("IsDiscounted", false);
        invoice.put("HasAttachments", false);
        invoice.put("HasErrors", false);
        invoice.put("SentToContact", false);
        return invoice;
    }
}
