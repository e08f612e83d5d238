package io.fieldsync.push;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The {@code $settings} a mapping template reads: the sync rules an operator may change. */
@Component("mappingVariables")
public class MappingVariables {

    private final SyncRules rules;

    public MappingVariables(SyncRules rules) {
        this.rules = rules;
    }

    public Map<String, Object> forEntity(String entity) {
        InvoiceRules invoices = rules.invoices();
        String purchaseAccount = rules.purchaseAccount();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("numbering", invoices.numbering());
        settings.put("referencePrefix", invoices.referencePrefix());
        settings.put("status", invoices.status());
        settings.put("salesAccount", invoices.salesAccount());
        settings.put("purchaseAccount", purchaseAccount);
        settings.put("sendTax", invoices.sendTax());
        settings.put("technicianOnLines", invoices.technicianOnLines());
        settings.put("paymentAccount", rules.paymentAccount());
        settings.put("paymentAccounts", rules.paymentAccountsByMethod());
        settings.put("feeAccount", rules.feeAccount());
        settings.put("feeContact", rules.feeContact());
        settings.put("surchargeAccount", rules.surchargeAccount());
        return settings;
    }
}
