package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Payments against invoices: each one moves the invoice's AmountPaid/AmountDue, and PAID when settled. */
final class PaymentsApi extends KeyedCollection {
    PaymentsApi(SandboxStore store) {
        super(store, "Payments", "PaymentID", null, "Payment could not be found with PaymentID %s.");
    }

    @Override
    ElementResult apply(ObjectNode in, ObjectNode existing, SandboxRequest request) {
        if (existing != null) {
            return delete(in, existing);
        }
        List<String> errors = new ArrayList<>();
        ObjectNode invoice = referenced(in.get("Invoice"), "Invoices", "InvoiceID", "InvoiceNumber");
        if (invoice == null) {
            errors.add("Invoice could not be found. Provide a valid InvoiceID or InvoiceNumber.");
        }
        ObjectNode account = referenced(in.get("Account"), "Accounts", "AccountID", "Code");
        if (account == null) {
            errors.add("Account could not be found. Provide a valid AccountID or Code.");
        } else if (!"BANK".equals(Json.text(account, "Type")) && !account.path("EnablePaymentsToAccount").asBoolean()) {
            errors.add("Account type is invalid for making a payment. The account must be a bank account or have payments enabled.");
        }
        BigDecimal amount = LineItemTotals.decimal(in, "Amount", null);
        if (amount == null || amount.signum() <= 0) {
            errors.add("Payment amount must be greater than zero.");
        }
        LocalDate date = InvoicesApi.dateField(in, Json.object(), "Date", errors);
        if (date == null) {
            date = LocalDate.now(ZoneOffset.UTC);
        }
        errors.addAll(LockDates.check(store, date));
        if (invoice != null) {
            if (!"AUTHORISED".equals(Json.text(invoice, "Status"))) {
                errors.add("Payments can only be made against Authorised documents.");
            } else if (amount != null && amount.compareTo(invoice.get("AmountDue").decimalValue()) > 0) {
                errors.add("Payment amount exceeds the amount outstanding on this document");
            }
        }
        if (!errors.isEmpty()) {
            return ElementResult.error(in, errors);
        }
        amount = amount.setScale(2, RoundingMode.HALF_UP);
        String now = XeroDates.msDate(store.now());
        ObjectNode payment = Json.object();
        payment.put("PaymentID", SandboxStore.newId());
        payment.put("Date", XeroDates.msDate(date));
        payment.put("BankAmount", amount);
        payment.put("Amount", amount);
        if (in.hasNonNull("Reference")) {
            payment.put("Reference", Json.text(in, "Reference"));
        }
        payment.put("CurrencyRate", BigDecimal.ONE.setScale(4));
        boolean sales = "ACCREC".equals(Json.text(invoice, "Type"));
        payment.put("PaymentType", sales ? "ACCRECPAYMENT" : "ACCPAYPAYMENT");
        payment.put("Status", "AUTHORISED");
        payment.put("UpdatedDateUTC", now);
        payment.put("HasAccount", true);
        payment.put("IsReconciled", in.path("IsReconciled").asBoolean(false));
        ObjectNode accountSummary = payment.putObject("Account");
        accountSummary.put("AccountID", account.get("AccountID").asText());
        accountSummary.put("Code", account.get("Code").asText());
        ObjectNode invoiceSummary = payment.putObject("Invoice");
        invoiceSummary.put("Type", Json.text(invoice, "Type"));
        invoiceSummary.put("InvoiceID", invoice.get("InvoiceID").asText());
        invoiceSummary.put("InvoiceNumber", Json.text(invoice, "InvoiceNumber"));
        invoiceSummary.set("Contact", invoice.get("Contact").deepCopy());
        store.save("Payments", payment);

        ObjectNode updated = invoice.deepCopy();
        updated.put("AmountPaid", updated.get("AmountPaid").decimalValue().add(amount));
        InvoicesApi.recomputeAmountDue(updated);
        ObjectNode paymentOnInvoice = ((ArrayNode) updated.withArray("Payments")).addObject();
        paymentOnInvoice.put("PaymentID", payment.get("PaymentID").asText());
        paymentOnInvoice.put("Date", payment.get("Date").asText());
        paymentOnInvoice.put("Amount", amount);
        paymentOnInvoice.put("Reference", Json.text(payment, "Reference"));
        paymentOnInvoice.put("CurrencyRate", BigDecimal.ONE.setScale(4));
        if (updated.get("AmountDue").decimalValue().signum() == 0) {
            updated.put("Status", "PAID");
            updated.put("FullyPaidOnDate", XeroDates.msDate(date));
        }
        updated.put("UpdatedDateUTC", now);
        store.save("Invoices", updated);
        return ElementResult.ok(payment);
    }

    /** The invoice or account a payment names: by its id when given, else by its number or code. */
    private ObjectNode referenced(JsonNode ref, String collection, String idField, String numberField) {
        if (ref != null && Json.text(ref, idField) != null) {
            return store.find(collection, Json.text(ref, idField));
        }
        if (ref != null && Json.text(ref, numberField) != null) {
            return store.findBy(collection, numberField, Json.text(ref, numberField));
        }
        return null;
    }

    /** A payment cannot be edited, only deleted (Status DELETED); the invoice is owed again. */
    private ElementResult delete(ObjectNode in, ObjectNode existing) {
        if (!"DELETED".equals(Json.text(in, "Status")) || "DELETED".equals(Json.text(existing, "Status"))) {
            return ElementResult.error(in, "Payments cannot be modified, only deleted.");
        }
        String now = XeroDates.msDate(store.now());
        ObjectNode payment = existing.deepCopy();
        String id = payment.get("PaymentID").asText();
        payment.put("Status", "DELETED");
        payment.put("UpdatedDateUTC", now);
        store.save("Payments", payment);
        ObjectNode invoice = store.find("Invoices", payment.path("Invoice").path("InvoiceID").asText());
        if (invoice != null) {
            ObjectNode updated = invoice.deepCopy();
            updated.put("AmountPaid", updated.get("AmountPaid").decimalValue().subtract(payment.get("Amount").decimalValue()));
            InvoicesApi.recomputeAmountDue(updated);
            for (Iterator<JsonNode> it = updated.withArray("Payments").elements(); it.hasNext(); ) {
                if (id.equalsIgnoreCase(Json.text(it.next(), "PaymentID"))) {
                    it.remove();
                }
            }
            if ("PAID".equals(Json.text(updated, "Status"))) {
                updated.put("Status", "AUTHORISED");
                updated.remove("FullyPaidOnDate");
            }
            updated.put("UpdatedDateUTC", now);
            store.save("Invoices", updated);
        }
        return ElementResult.ok(payment);
    }
}
