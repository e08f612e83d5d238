package io.fieldsync.settings;

import java.util.List;

/** The entity names of the operator API and the settings, in the order a full sync takes them. */
public final class SyncEntities {

    public static final List<String> NAMES = List.of("contact", "vendor", "item", "invoice", "payment",
            "purchase-order", "bill", "attachment", "bill-attachment", "payment-fee", "payment-surcharge");

    private SyncEntities() {
    }

    public static boolean known(String entity) {
        return NAMES.contains(entity);
    }
}
