package io.fieldsync.mapping;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Holds a mapped element to the values Xero takes, before it is sent, so one bad value fails
 * only its own record, with a message naming the field. Characters Xero cannot store (control
 * characters: its documents are XML, which has no place for them) are removed from every text,
 * and line breaks in names and identifiers become spaces, with a warning. A value the document
 * can do without that Xero would refuse (an email address that is not one, a phone number over
 * Xero's length) is left out with a warning, so the contact and its invoices still go. Values
 * the document cannot exist without fail the element: a contact without a name, a currency that
 * is no ISO 4217 code.
 * The planner calls {@code xeroFieldValues.check(collection, element)} before the field limits,
 * so lengths are counted on what is sent.
 */
@Component("xeroFieldValues")
public class XeroFieldValues {

    /** Fields read on one line, or that Xero matches on: a line break in them is a mistake. */
    private static final Set<String> ONE_LINE = Set.of("Name", "FirstName", "LastName", "EmailAddress",
            "ContactNumber", "TaxNumber", "PhoneNumber", "Code", "InvoiceNumber", "PurchaseOrderNumber", "Reference", "ItemCode",
            "AccountCode", "TaxType", "CurrencyCode");

    /**
     * An address Xero takes: ASCII only (Xero refuses look-alikes such as the "ﬁ" ligature), one
     * @, a dotted domain. Deliberately plain: it must not refuse what Xero would take.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]");

    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private static final int QUOTED = 100;

    /** An element with only values Xero takes (a copy), what was changed to get there, and why it cannot go, if so. */
    public record Checked(Map<String, Object> element, List<String> warnings, String failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    /** @param collection the Xero collection the element goes to: Contacts, Items, Invoices, Payments, PurchaseOrders or BankTransactions */
    public Checked check(String collection, Map<String, Object> element) {
        Objects.requireNonNull(element, "element");
        String kind = switch (collection) {
            case "Contacts" -> "Contact";
            case "Items" -> "Item";
            case "Invoices" -> "Invoice";
            case "Payments" -> "Payment";
            case "PurchaseOrders" -> "PurchaseOrder";
            case "BankTransactions" -> "BankTransaction";
            default -> throw new IllegalArgumentException("no value rules for Xero collection " + collection
                    + " (Contacts, Items, Invoices, Payments, PurchaseOrders or BankTransactions)");
        };
        List<String> warnings = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) clean(element, kind, "", null, warnings);
        switch (collection) {
            case "Contacts" -> {
                Object name = copy.get("Name");
                if (name == null ? !copy.containsKey("ContactID") : name.toString().isBlank()) {
                    failures.add("Contact Name is empty: Xero needs a name for every contact");
                }
                email(copy, "Contact EmailAddress", warnings);
                phones(copy, warnings);
            }
            case "Invoices", "PurchaseOrders" -> currency(copy, failures);
            default -> { }
        }
        return new Checked(copy, List.copyOf(warnings), failures.isEmpty() ? null : String.join("; ", failures));
    }

    /** A copy of {@code value} with every text cleaned; {@code path} names where it is, for warnings. */
    private static Object clean(Object value, String kind, String path, String key, List<String> warnings) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, clean(v, kind, path.isEmpty() ? (String) k : path + "." + k,
                    (String) k, warnings)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(clean(list.get(i), kind, path + "[" + i + "]", key, warnings));
            }
            return copy;
        }
        if (value instanceof String text) {
            return text(text, kind + " " + path, ONE_LINE.contains(key), warnings);
        }
        return value;
    }

    private static String text(String value, String field, boolean oneLine, List<String> warnings) {
        Set<String> removed = new LinkedHashSet<>();
        StringBuilder kept = new StringBuilder(value.length());
        boolean lineBreaks = false;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (unfit(cp)) {
                removed.add(String.format("U+%04X", cp));
            } else if (oneLine && (cp == '\n' || cp == '\r' || cp == '\t')) {
                lineBreaks = true;
                if (kept.length() > 0 && kept.charAt(kept.length() - 1) != ' ') {
                    kept.append(' ');
                }
            } else {
                kept.appendCodePoint(cp);
            }
        }
        if (removed.isEmpty() && !lineBreaks) {
            return value;
        }
        String result = lineBreaks ? kept.toString().strip() : kept.toString();
        List<String> what = new ArrayList<>();
        if (!removed.isEmpty()) {
            what.add("control characters " + listed(removed) + " removed");
        }
        if (lineBreaks) {
            what.add("line breaks and tabs made spaces");
        }
        warnings.add(field + ": " + String.join(", ", what)
                + (result.length() <= QUOTED ? "; sent as \"" + result + "\"" : ""));
        return result;
    }

    /**
     * Not storable in Xero: C0 controls but tab and line breaks (XML 1.0 has no place for them),
     * DEL and C1 controls (invisible, never meant), lone surrogates and the non-characters U+FFFE/U+FFFF.
     */
    private static boolean unfit(int cp) {
        return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r')
                || (cp >= 0x7F && cp <= 0x9F)
                || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)
                || cp == 0xFFFE || cp == 0xFFFF;
    }

    private static String listed(Set<String> codePoints) {
        List<String> all = List.copyOf(codePoints);
        return all.size() <= 5 ? String.join(", ", all)
                : String.join(", ", all.subList(0, 5)) + " and " + (all.size() - 5) + " more";
    }

    /**
     * Surrounding spaces are dropped (nothing is lost); an empty address is none. One that is no
     * address Xero would take is left out with a warning: Xero refuses the whole contact for it
     * ("Email address must be valid."), and every invoice of the customer would wait for it.
     */
    private static void email(Map<String, Object> element, String field, List<String> warnings) {
        if (!(element.get("EmailAddress") instanceof String value)) {
            return;
        }
        String email = value.strip();
        if (email.isEmpty()) {
            element.remove("EmailAddress");
            return;
        }
        element.put("EmailAddress", email);
        if (EMAIL.matcher(email).matches() && email.length() <= XeroFieldLimits.EMAIL_ADDRESS) {
            return;
        }
        String why = "";
        int nonAscii = email.codePoints().filter(cp -> cp > 0x7E).findFirst().orElse(-1);
        if (email.length() > XeroFieldLimits.EMAIL_ADDRESS) {
            why = " (longer than Xero's " + XeroFieldLimits.EMAIL_ADDRESS + " characters)";
        } else if (email.chars().filter(c -> c == '@').count() > 1 && email.matches(".*[\\s,;].*")) {
            why = " (it holds more than one address; Xero takes one)";
        } else if (nonAscii >= 0) {
            why = " (it contains '" + new String(Character.toChars(nonAscii)) + "' " + String.format("U+%04X", nonAscii)
                    + ", which Xero does not take in an email address)";
        } else if (email.indexOf('@') < 0) {
            why = " (no @)";
        }
        element.remove("EmailAddress");
        warnings.add(field + " \"" + email + "\" is not a valid email address" + why + "; sent without it");
    }

    /**
     * A phone number longer than Xero's 50 characters (its area and country codes: 10 and 20) is
     * not one Xero takes: that phone is left out with a warning, the contact goes.
     */
    private static void phones(Map<String, Object> element, List<String> warnings) {
        if (!(element.get("Phones") instanceof List<?> phones)) {
            return;
        }
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < phones.size(); i++) {
            if (phones.get(i) instanceof Map<?, ?> phone) {
                String refused = tooLong(phone, "PhoneNumber", 50);
                refused = refused != null ? refused : tooLong(phone, "PhoneAreaCode", 10);
                refused = refused != null ? refused : tooLong(phone, "PhoneCountryCode", 20);
                if (refused != null) {
                    warnings.add("Contact Phones[" + i + "]." + refused + "; sent without this phone");
                    continue;
                }
            }
            kept.add(phones.get(i));
        }
        if (kept.size() == phones.size()) {
            return;
        }
        if (kept.isEmpty()) {
            element.remove("Phones");
        } else {
            element.put("Phones", kept);
        }
    }

    private static String tooLong(Map<?, ?> phone, String field, int limit) {
        if (phone.get(field) instanceof String value && value.codePointCount(0, value.length()) > limit) {
            return field + " \"" + value + "\" is longer than Xero's " + limit + " characters";
        }
        return null;
    }

    /** Upper case is the only form Xero takes; the code must be one of ISO 4217's. */
    private static void currency(Map<String, Object> element, List<String> failures) {
        if (!(element.get("CurrencyCode") instanceof String value)) {
            return;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!CURRENCIES.contains(code)) {
            failures.add("Invoice CurrencyCode \"" + value + "\" is not an ISO 4217 currency code");
            return;
        }
        element.put("CurrencyCode", code);
    }
}
