package io.fieldsync.entities;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.fieldsync.push.ContactNames;
import io.fieldsync.push.PushDocuments;
import io.fieldsync.push.PushedEntity;

/**
 * An entity that becomes Xero contacts (customers, vendors): its rows with their links, and the
 * suffix that names one apart from another Xero contact of its name (see {@link ContactNames}).
 */
abstract class ContactEntity implements PushedEntity {

    private final PushDocuments documents;
    private final ContactNames names;
    private final Function<Map<String, Object>, String> suffix;

    ContactEntity(PushDocuments documents, ContactNames names, Function<Map<String, Object>, String> suffix) {
        this.documents = documents;
        this.names = names;
        this.suffix = suffix;
    }

    @Override
    public List<Map<String, Object>> documents(List<Map<String, Object>> rows) {
        List<Map<String, Object>> contacts = documents.linked(name(), rows);
        names.annotate(name(), contacts, suffix);
        return contacts;
    }
}
