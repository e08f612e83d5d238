package io.fieldsync.mapping;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * Holds a mapped element to Xero's field lengths before it is sent, so one long value does not
 * fail a whole batch. Identifiers Xero keys on (Item Code and Name, ContactNumber, InvoiceNumber)
 * are shortened to a prefix, "~" and five base-36 characters of the SHA-256 of the full value:
 * the same value always gives the same result and two values sharing a prefix stay distinct.
 * Descriptions are cut with "…". Names, email addresses and references are not altered, as a
 * changed one would mislead a person; the element fails with the reason instead.
 * Routes call {@code xeroFieldLimits.check(collection, element)}.
 */
@Component("xeroFieldLimits")
public class XeroFieldLimits {

    // maxLength of the contract (xero/xero_accounting.yaml) unless noted.
    static final int ITEM_CODE = 30;
    static final int ITEM_NAME = 50;
    static final int CONTACT_NUMBER = 50;
    static final int INVOICE_NUMBER = 255;
    static final int CONTACT_NAME = 255;
    static final int EMAIL_ADDRESS = 255;
    /** Not in the contract; Xero's invoice documentation gives 255. */
    static final int REFERENCE = 255;
    /** Item Description and PurchaseDescription in the contract; LineItem Description from Xero's documentation. */
    static final int DESCRIPTION = 4000;

    private static final int HASH_CHARS = 5;
    private static final BigInteger HASH_RANGE = BigInteger.valueOf(36).pow(HASH_CHARS);

    /** An element within Xero's limits (a copy), what was changed to get there, and why it cannot go, if so. */
    public record Checked(Map<String, Object> element, List<String> warnings, String failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    /** @param collection the Xero collection the element goes to: Contacts, Items, Invoices, Payments, PurchaseOrders or BankTransactions */
    public Checked check(String collection, Map<String, Object> element) {
        Objects.requireNonNull(element, "element");
        Map<String, Object> copy = copyOf(element);
        Review review = new Review();
        switch (collection) {
            case "Contacts" -> {
                review.refuse(copy, "Name", "Contact Name", CONTACT_NAME);
                // an over-long email address is left out, with a warning, by XeroFieldValues
                review.shorten(copy, "ContactNumber", "ContactNumber", CONTACT_NUMBER);
            }
            case "Items" -> {
                review.shorten(copy, "Code", "Item Code", ITEM_CODE);
                review.shorten(copy, "Name", "Item Name", ITEM_NAME);
                review.truncate(copy, "Description", "Item Description", DESCRIPTION);
                review.truncate(copy, "PurchaseDescription", "Item PurchaseDescription", DESCRIPTION);
            }
            case "Invoices" -> {
                review.shorten(copy, "InvoiceNumber", "InvoiceNumber", INVOICE_NUMBER);
                review.refuse(copy, "Reference", "Reference", REFERENCE);
                lineItems(copy, review);
            }
            case "PurchaseOrders" -> {
                // a purchase order number the supplier quotes back is not altered
                review.refuse(copy, "PurchaseOrderNumber", "PurchaseOrderNumber", INVOICE_NUMBER);
                review.refuse(copy, "Reference", "Reference", REFERENCE);
                lineItems(copy, review);
            }
            case "Payments" -> review.refuse(copy, "Reference", "Reference", REFERENCE);
            case "BankTransactions" -> {
                review.refuse(copy, "Reference", "Reference", REFERENCE);
                lineItems(copy, review);
            }
            default -> throw new IllegalArgumentException("no field limits for Xero collection " + collection
                    + " (Contacts, Items, Invoices, Payments, PurchaseOrders or BankTransactions)");
        }
        return new Checked(copy, List.copyOf(review.warnings),
                review.failures.isEmpty() ? null : String.join("; ", review.failures));
    }

    private static void lineItems(Map<String, Object> element, Review review) {
        if (element.get("LineItems") instanceof List<?> lines) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i) instanceof Map<?, ?> line) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> lineItem = (Map<String, Object>) line;
                    review.truncate(lineItem, "Description", "LineItems[" + i + "].Description", DESCRIPTION);
                    // The line names the item by the code the item was sent with.
                    review.shorten(lineItem, "ItemCode", "LineItems[" + i + "].ItemCode", ITEM_CODE);
                }
            }
        }
    }

    /** The value Xero gets for an identifier longer than {@code limit}: deterministic and unique. */
    static String shortened(String value, int limit) {
        String suffix = "~" + hash(value);
        return firstCodePoints(value, limit - suffix.length()) + suffix;
    }

    private static final class Review {
        final List<String> warnings = new ArrayList<>();
        final List<String> failures = new ArrayList<>();

        void shorten(Map<String, Object> element, String key, String field, int limit) {
            if (element.get(key) instanceof String value && length(value) > limit) {
                String result = shortened(value, limit);
                element.put(key, result);
                warnings.add(field + " \"" + value + "\" is longer than " + limit + " characters; sent as \""
                        + result + "\"");
            }
        }

        void truncate(Map<String, Object> element, String key, String field, int limit) {
            if (element.get(key) instanceof String value && length(value) > limit) {
                element.put(key, firstCodePoints(value, limit - 1) + "…");
                warnings.add(field + " is " + length(value) + " characters, cut to Xero's " + limit);
            }
        }

        void refuse(Map<String, Object> element, String key, String field, int limit) {
            if (element.get(key) instanceof String value && length(value) > limit) {
                failures.add(field + " is " + length(value) + " characters, Xero allows at most " + limit);
            }
        }
    }

    // Xero counts characters, not UTF-16 units: a cut never splits a surrogate pair.
    private static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    private static String firstCodePoints(String value, int count) {
        return value.substring(0, value.offsetByCodePoints(0, Math.min(count, length(value))));
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            String base36 = new BigInteger(1, digest).mod(HASH_RANGE).toString(36).toUpperCase(Locale.ROOT);
            return "0".repeat(HASH_CHARS - base36.length()) + base36;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T copyOf(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, copyOf(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(copyOf(v)));
            return (T) copy;
        }
        return value;
    }
}
