package io.fieldsync.sync;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The sync rules an operator may change at run time, read from the settings at each use. */
@Component("syncRules")
public class SyncRules {

    private final Environment environment;

    public SyncRules(Environment environment) {
        this.environment = environment;
    }

    public InvoiceRules invoices() {
        return Binder.get(environment).bind("fieldsync.invoices", InvoiceRules.class)
                .orElseThrow(() -> new IllegalStateException("fieldsync.invoices.* settings are missing"));
    }

    public String purchaseAccount() {
        return environment.getProperty("fieldsync.items.purchase-account", "310");
    }
}
