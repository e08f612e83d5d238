package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Contacts: names unique among active contacts, email addresses valid; archived ones cannot take new documents. */
final class ContactsApi extends KeyedCollection {
    /** What a client may set; anything else is dropped silently, as Xero drops it. */
    private static final Set<String> WRITABLE = Set.of("ContactNumber", "AccountNumber", "ContactStatus", "Name",
            "FirstName", "LastName", "CompanyNumber", "EmailAddress", "ContactPersons", "BankAccountDetails",
            "TaxNumber", "AccountsReceivableTaxType", "AccountsPayableTaxType", "Addresses", "Phones",
            "DefaultCurrency", "SalesDefaultAccountCode", "PurchasesDefaultAccountCode", "PaymentTerms",
            "Website", "Discount", "XeroNetworkKey");
    /** Xero refuses a contact whose address is not one (ASCII, one @, a dotted domain), and later its invoices. */
    private static final Pattern EMAIL = Pattern.compile("[\\x21-\\x3F\\x41-\\x7E]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    ContactsApi(SandboxStore store) {
        super(store, "Contacts", "ContactID", "ContactNumber", "The contact with ContactID %s could not be found.");
    }

    @Override
    ElementResult apply(ObjectNode in, ObjectNode existing, SandboxRequest request) {
        ObjectNode contact = draft(existing, this::newContact, in, WRITABLE);
        List<String> errors = new ArrayList<>();
        String name = Json.text(contact, "Name");
        if (name == null || name.isBlank()) {
            errors.add("Contact Name cannot be empty.");
        } else if (name.length() > 255) {
            errors.add("The contact name must not be more than 255 characters long.");
        }
        String email = Json.text(contact, "EmailAddress");
        if (email != null && !email.isEmpty() && !EMAIL.matcher(email).matches()) {
            errors.add("Email address must be valid.");
        }
        String status = Json.text(contact, "ContactStatus");
        if (!Set.of("ACTIVE", "ARCHIVED", "GDPRREQUEST").contains(status)) {
            errors.add("ContactStatus '" + status + "' is not valid.");
        }
        if (name != null && "ACTIVE".equals(status) && duplicateName(name, Json.text(contact, "ContactID"))) {
            errors.add("The contact name " + name + " is already assigned to another contact. "
                    + "The contact name must be unique across all active contacts.");
        }
        if (!errors.isEmpty()) {
            return ElementResult.error(in, errors);
        }
        contact.put("UpdatedDateUTC", XeroDates.msDate(store.now()));
        store.save("Contacts", contact);
        return ElementResult.ok(contact);
    }

    private boolean duplicateName(String name, String selfId) {
        return store.findAllBy("Contacts", "Name", name).stream()
                .filter(c -> "ACTIVE".equals(Json.text(c, "ContactStatus")))
                .anyMatch(c -> !c.get("ContactID").asText().equals(selfId));
    }

    private ObjectNode newContact() {
        ObjectNode contact = Json.object();
        contact.put("ContactID", SandboxStore.newId());
        contact.put("ContactStatus", "ACTIVE");
        contact.putArray("Addresses");
        contact.putArray("Phones");
        contact.putArray("ContactGroups");
        contact.putArray("ContactPersons");
        contact.put("IsSupplier", false);
        contact.put("IsCustomer", false);
        contact.put("HasAttachments", false);
        contact.put("HasValidationErrors", false);
        return contact;
    }

    /**
     * Resolves the Contact of a transaction as Xero does: by ContactID, by ContactNumber, or by
     * Name (creating the contact when no active one has that name). Adds errors and returns null
     * when the transaction cannot use it.
     */
    ObjectNode resolveForTransaction(JsonNode ref, boolean isNew, List<String> errors) {
        if (ref == null || !ref.isObject() || (Json.text(ref, "ContactID") == null
                && Json.text(ref, "ContactNumber") == null && Json.text(ref, "Name") == null)) {
            errors.add("A Contact must be specified for this type of transaction");
            return null;
        }
        ObjectNode contact;
        if (Json.text(ref, "ContactID") != null) {
            contact = store.find("Contacts", Json.text(ref, "ContactID"));
        } else if (Json.text(ref, "ContactNumber") != null) {
            contact = store.findBy("Contacts", "ContactNumber", Json.text(ref, "ContactNumber"));
        } else {
            String name = Json.text(ref, "Name").trim();
            contact = store.findAllBy("Contacts", "Name", name).stream()
                    .filter(c -> "ACTIVE".equals(Json.text(c, "ContactStatus"))).findFirst().orElse(null);
            if (contact == null) {
                ElementResult created = write(((ObjectNode) ref).deepCopy(), false, null, null);
                if (created.failed()) {
                    errors.addAll(created.errors());
                    return null;
                }
                contact = created.element();
            }
        }
        if (contact == null) {
            errors.add("The contact with ContactID " + Json.text(ref, "ContactID") + " could not be found.");
            return null;
        }
        if (isNew && "ARCHIVED".equals(Json.text(contact, "ContactStatus"))) {
            errors.add("The contact " + Json.text(contact, "Name") + " is archived. Archived contacts cannot be used on new transactions.");
            return null;
        }
        return contact;
    }

    /** Xero flips IsCustomer/IsSupplier when a document is raised, without moving UpdatedDateUTC. */
    void markTrading(ObjectNode contact, boolean sales) {
        contact.put(sales ? "IsCustomer" : "IsSupplier", true);
    }

    static ObjectNode summary(ObjectNode contact) {
        ObjectNode summary = Json.object();
        summary.put("ContactID", contact.get("ContactID").asText());
        if (contact.hasNonNull("ContactNumber")) {
            summary.put("ContactNumber", contact.get("ContactNumber").asText());
        }
        summary.put("ContactStatus", Json.text(contact, "ContactStatus"));
        summary.put("Name", Json.text(contact, "Name"));
        summary.set("Addresses", contact.path("Addresses").deepCopy());
        summary.set("Phones", contact.path("Phones").deepCopy());
        summary.put("IsSupplier", contact.path("IsSupplier").asBoolean());
        summary.put("IsCustomer", contact.path("IsCustomer").asBoolean());
        return summary;
    }
}
