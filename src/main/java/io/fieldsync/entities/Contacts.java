package io.fieldsync.entities;

import java.util.Map;

import io.fieldsync.push.ContactNames;
import io.fieldsync.push.PushDocuments;
import org.springframework.stereotype.Component;

/**
 * Customers become Xero contacts ({@code routes/push-contacts.camel.yaml},
 * {@code mappings/contact.to-xero.jsonata}). No customer is skipped for what it is; one whose name
 * another Xero contact has is named apart by its customer number.
 */
@Component
public class Contacts extends ContactEntity {

    public Contacts(PushDocuments documents, ContactNames names) {
        super(documents, names, Contacts::suffix);
    }

    @Override
    public String name() {
        return "contact";
    }

    /** The suffix a person recognises a customer by: its customer number, else "customer 42". */
    static String suffix(Map<String, Object> customer) {
        Object number = customer.get("customer_number");
        if (number != null && !number.toString().isBlank()) {
            return number.toString().strip();
        }
        return "customer " + customer.get("id");
    }
}
