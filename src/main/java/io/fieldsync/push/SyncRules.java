package io.fieldsync.push;

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

    /**
     * Whether a customer or vendor whose name another Xero contact has is named apart with its
     * suffix ({@code fieldsync.contacts.duplicate-names: suffix}, the default) rather than left
     * for Xero to refuse ({@code fail}).
     */
    public boolean suffixesDuplicateNames() {
        return !"fail".equals(environment.getProperty("fieldsync.contacts.duplicate-names", "suffix").trim()
                .toLowerCase(java.util.Locale.ROOT));
    }

    /** Which side wins for an entity ({@code fieldsync.entities.<entity>.master}): fsm or xero. */
    public String master(String entity) {
        return environment.getProperty("fieldsync.entities." + entity + ".master", "fsm").trim()
                .toLowerCase(java.util.Locale.ROOT);
    }

    /** The bank account payments go to: {@code fieldsync.payments.account}. */
    public String paymentAccount() {
        return environment.getProperty("fieldsync.payments.account", "090");
    }

    /** Bank accounts by FSM payment method (cash, card, eft, ...), where one differs from {@link #paymentAccount()}. */
    public java.util.Map<String, String> paymentAccountsByMethod() {
        return Binder.get(environment).bind("fieldsync.payments.accounts",
                org.springframework.boot.context.properties.bind.Bindable.mapOf(String.class, String.class))
                .orElse(java.util.Map.of());
    }

    /**
     * Account card-processor fees are spent to ({@code fieldsync.payments.fees.account}, e.g. 404
     * Bank Fees); empty: fees are not exported.
     */
    public String feeAccount() {
        return environment.getProperty("fieldsync.payments.fees.account", "").trim();
    }

    /** The Xero contact the fees are paid to: the card processor. */
    public String feeContact() {
        return environment.getProperty("fieldsync.payments.fees.contact", "Card processor").trim();
    }

    /**
     * Account surcharges the customer paid on top are received to ({@code fieldsync.payments.surcharges.account});
     * empty: surcharges are not exported.
     */
    public String surchargeAccount() {
        return environment.getProperty("fieldsync.payments.surcharges.account", "").trim();
    }
}
