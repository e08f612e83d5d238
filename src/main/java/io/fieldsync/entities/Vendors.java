package io.fieldsync.entities;

import java.util.List;
import java.util.Map;

import io.fieldsync.push.ContactNames;
import io.fieldsync.push.PushDocuments;
import io.fieldsync.push.PushedEntity;
import org.springframework.stereotype.Component;

/**
 * Vendors become Xero supplier contacts ({@code routes/push-suppliers.camel.yaml},
 * {@code mappings/vendor.to-xero.jsonata}). A vendor has no code column: one whose name another
 * Xero contact has (a customer's, say) is named apart as "(vendor 7)".
 */
@Component
public class Vendors implements PushedEntity {

    private final PushDocuments documents;
    private final ContactNames names;

    public Vendors(PushDocuments documents, ContactNames names) {
        this.documents = documents;
        this.names = names;
    }

    @Override
    public String name() {
        return "vendor";
    }

    @Override
    public List<Map<String, Object>> documents(List<Map<String, Object>> rows) {
        List<Map<String, Object>> vendors = documents.linked(name(), rows);
        names.annotate(name(), vendors, Vendors::suffix);
        return vendors;
    }

    static String suffix(Map<String, Object> vendor) {
        return "vendor " + vendor.get("id");
    }
}
