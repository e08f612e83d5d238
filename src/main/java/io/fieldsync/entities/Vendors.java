package io.fieldsync.entities;

import java.util.Map;

import io.fieldsync.push.ContactNames;
import io.fieldsync.push.PushDocuments;
import org.springframework.stereotype.Component;

/**
 * Vendors become Xero supplier contacts ({@code routes/push-suppliers.camel.yaml},
 * {@code mappings/vendor.to-xero.jsonata}). A vendor has no code column: one whose name another
 * Xero contact has (a customer's, say) is named apart as "(vendor 7)".
 */
@Component
public class Vendors extends ContactEntity {

    public Vendors(PushDocuments documents, ContactNames names) {
        super(documents, names, Vendors::suffix);
    }

    @Override
    public String name() {
        return "vendor";
    }

    static String suffix(Map<String, Object> vendor) {
        return "vendor " + vendor.get("id");
    }
}
