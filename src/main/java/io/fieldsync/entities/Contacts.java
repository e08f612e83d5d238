package io.fieldsync.entities;

import java.util.List;
import java.util.Map;

import io.fieldsync.push.ContactNames;
import io.fieldsync.push.PushDocuments;
import io.fieldsync.push.PushedEntity;
import org.springframework.stereotype.Component;

/**
 * Customers become Xero contacts ({@code routes/push-contacts.camel.yaml},
 * {@code mappings/contact.to-xero.jsonata}). No customer is skipped for what it is; one whose name
 * another Xero contact has is named apart by its customer number (see {@link ContactNames}).
 */
@Component
public class Contacts implements PushedEntity {

    private final PushDocuments documents;
    private final ContactNames names;

    public Contacts(PushDocuments documents, ContactNames names) {
        this.documents = documents;
        this.names = names;
    }

    @Override
    public String name() {
        return "contact";
    }

    @Override
    public List<Map<String, Object>> documents(List<Map<String, Object>> rows) {
        List<Map<String, Object>> customers = documents.linked(name(), rows);
        names.annotate(name(), customers, Contacts::suffix);
        return customers;
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
