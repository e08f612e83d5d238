package io.fieldsync.push;

import java.util.Map;

import io.fieldsync.config.LiveSettings;
import io.fieldsync.settings.ContactProperties;
import io.fieldsync.settings.EntityProperties;
import io.fieldsync.settings.InvoiceProperties;
import io.fieldsync.settings.ItemProperties;
import io.fieldsync.settings.PaymentProperties;
import org.springframework.stereotype.Component;

/** The sync rules an operator may change at run time, read from the settings at each use. */
@Component("syncRules")
public class SyncRules {

    private final LiveSettings settings;

    public SyncRules(LiveSettings settings) {
        this.settings = settings;
    }

    public InvoiceRules invoices() {
        InvoiceProperties invoices = settings.current(InvoiceProperties.class);
        return new InvoiceRules(invoices.numbering(), invoices.referencePrefix(), invoices.status(), invoices.salesAccount(),
                invoices.sendTax(), invoices.technicianOnLines());
    }

    public String purchaseAccount() {
        return settings.current(ItemProperties.class).purchaseAccount();
    }

    /**
     * Whether a customer or vendor whose name another Xero contact has is named apart with its
     * suffix ({@code fieldsync.contacts.duplicate-names: suffix}, the default) rather than left
     * for Xero to refuse ({@code fail}).
     */
    public boolean suffixesDuplicateNames() {
        return settings.current(ContactProperties.class).suffixesDuplicateNames();
    }

    /** Which side wins for an entity ({@code fieldsync.entities.<entity>.master}): fsm or xero. */
    public String master(String entity) {
        return settings.current(EntityProperties.class).master(entity);
    }

    /** The bank account payments go to: {@code fieldsync.payments.account}. */
    public String paymentAccount() {
        return settings.current(PaymentProperties.class).account();
    }

    /** Bank accounts by FSM payment method (cash, card, eft, ...), where one differs from {@link #paymentAccount()}. */
    public Map<String, String> paymentAccountsByMethod() {
        Map<String, String> accounts = settings.current(PaymentProperties.class).accounts();
        return accounts == null ? Map.of() : accounts;
    }

    /**
     * Account card-processor fees are spent to ({@code fieldsync.payments.fees.account}, e.g. 404
     * Bank Fees); empty: fees are not exported.
     */
    public String feeAccount() {
        return settings.current(PaymentProperties.class).fees().account().trim();
    }

    /** The Xero contact the fees are paid to: the card processor. */
    public String feeContact() {
        return settings.current(PaymentProperties.class).fees().contact().trim();
    }

    /**
     * Account surcharges the customer paid on top are received to ({@code fieldsync.payments.surcharges.account});
     * empty: surcharges are not exported.
     */
    public String surchargeAccount() {
        return settings.current(PaymentProperties.class).surcharges().account().trim();
    }

}
