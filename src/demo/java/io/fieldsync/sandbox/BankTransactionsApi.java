package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Spend and Receive Money: money leaving or entering a bank account that no invoice explains
 * (a card processor's fee, a surcharge the customer paid on top). Xero wants a BANK account, a
 * contact and lines coded to accounts that are not bank accounts; a reconciled one can't change.
 */
final class BankTransactionsApi extends KeyedCollection {
    private static final Set<String> TYPES = Set.of("RECEIVE", "SPEND");
    private static final Set<String> WRITABLE = Set.of("Reference", "Url", "CurrencyCode", "IsReconciled");

    private final ContactsApi contacts;

    BankTransactionsApi(SandboxStore store, ContactsApi contacts) {
        super(store, "BankTransactions", "BankTransactionID", null, "Bank Transaction could not be found with BankTransactionID %s.");
        this.contacts = contacts;
    }

    @Override
    ElementResult apply(ObjectNode in, ObjectNode existing, SandboxRequest request) {
        if (existing != null && existing.path("IsReconciled").asBoolean()) {
            return ElementResult.error(in, "This Bank Transaction cannot be edited as it has been reconciled with a Bank Statement.");
        }
        if (existing != null && !"AUTHORISED".equals(Json.text(existing, "Status"))) {
            return ElementResult.error(in, "This Bank Transaction cannot be edited as it is " + Json.text(existing, "Status") + ".");
        }
        List<String> errors = new ArrayList<>();
        boolean isNew = existing == null;
        ObjectNode transaction = draft(existing, BankTransactionsApi::fresh, in, WRITABLE);

        String type = in.has("Type") ? Json.text(in, "Type") : Json.text(transaction, "Type");
        if (type == null) {
            errors.add("The Type field is mandatory.");
        } else if (!TYPES.contains(type)) {
            // overpayments, prepayments and transfers exist in Xero but FieldSync never makes them
            errors.add("Bank transaction type '" + type + "' is not supported by this sandbox.");
        }
        transaction.put("Type", type);

        if (in.has("BankAccount") || isNew) {
            ObjectNode account = bankAccount(in.get("BankAccount"));
            if (account == null) {
                errors.add("Account could not be found. Provide a valid AccountID or Code for BankAccount.");
            } else if (!"BANK".equals(Json.text(account, "Type"))) {
                errors.add("BankAccount must be a bank account; " + Json.text(account, "Code") + " is " + Json.text(account, "Type") + ".");
            } else {
                ObjectNode summary = transaction.putObject("BankAccount");
                summary.put("AccountID", account.get("AccountID").asText());
                summary.put("Code", Json.text(account, "Code"));
                summary.put("Name", Json.text(account, "Name"));
            }
        }
        if (in.has("Contact") || isNew) {
            ObjectNode contact = contacts.resolveForTransaction(in.get("Contact"), isNew, errors);
            if (contact != null) {
                transaction.set("Contact", ContactsApi.summary(contact));
            }
        }
        String reference = Json.text(transaction, "Reference");
        if (reference != null && reference.length() > 255) {
            errors.add("Reference must be no more than 255 characters long.");
        }
        LocalDate date = InvoicesApi.dateField(in, transaction, "Date", errors);
        if (date == null) {
            date = LocalDate.now(ZoneOffset.UTC);
        }
        errors.addAll(LockDates.check(store, date));

        String lineAmountTypes = in.has("LineAmountTypes") ? Json.text(in, "LineAmountTypes") : Json.text(transaction, "LineAmountTypes");
        if (!LineItemTotals.LINE_AMOUNT_TYPES.contains(lineAmountTypes)) {
            errors.add("LineAmountTypes '" + lineAmountTypes + "' is not valid.");
            lineAmountTypes = "Exclusive";
        }
        if (in.has("LineItems") || in.has("LineAmountTypes") || isNew) {
            JsonNode lines = in.has("LineItems") ? in.get("LineItems") : transaction.get("LineItems");
            if (lines == null || !lines.isArray() || lines.isEmpty()) {
                errors.add("At least one line item is required.");
            } else {
                for (JsonNode line : lines) {
                    ObjectNode account = store.findBy("Accounts", "Code", Json.text(line, "AccountCode"));
                    if (account != null && "BANK".equals(Json.text(account, "Type"))) {
                        errors.add("Account code '" + Json.text(line, "AccountCode") + "' is a bank account and cannot be used on a line item.");
                    }
                }
            }
            LineItemTotals.Totals totals = LineItemTotals.compute(lines, lineAmountTypes, "RECEIVE".equals(type), false,
                    InvoicesApi.unitDp(request), store, errors);
            if (totals.total().signum() <= 0 && errors.isEmpty()) {
                errors.add("The total of a bank transaction must be greater than zero.");
            }
            transaction.put("LineAmountTypes", lineAmountTypes);
            transaction.set("LineItems", totals.lines());
            transaction.put("SubTotal", totals.subTotal());
            transaction.put("TotalTax", totals.totalTax());
            transaction.put("Total", totals.total());
        }
        if (!errors.isEmpty()) {
            return ElementResult.error(in, errors);
        }
        transaction.put("DateString", XeroDates.dateString(date));
        transaction.put("Date", XeroDates.msDate(date));
        transaction.put("UpdatedDateUTC", XeroDates.msDate(store.now()));
        store.save("BankTransactions", transaction);
        return ElementResult.ok(transaction);
    }

    private ObjectNode bankAccount(JsonNode ref) {
        if (ref == null || !ref.isObject()) {
            return null;
        }
        if (Json.text(ref, "AccountID") != null) {
            return store.find("Accounts", Json.text(ref, "AccountID"));
        }
        return Json.text(ref, "Code") == null ? null : store.findBy("Accounts", "Code", Json.text(ref, "Code"));
    }

    private static ObjectNode fresh() {
        ObjectNode transaction = Json.object();
        transaction.put("BankTransactionID", SandboxStore.newId());
        transaction.put("Status", "AUTHORISED");
        transaction.put("IsReconciled", false);
        transaction.put("HasAttachments", false);
        transaction.put("LineAmountTypes", "Exclusive");
        transaction.put("CurrencyCode", "AUD");
        return transaction;
    }
}
