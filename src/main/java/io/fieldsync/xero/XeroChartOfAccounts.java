package io.fieldsync.xero;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/** The organisation's account codes (with their type) and tax types, read when a setting names one. */
@Component("xeroChartOfAccounts")
public class XeroChartOfAccounts {

    private final XeroReads xero;

    public XeroChartOfAccounts(XeroReads xero) {
        this.xero = xero;
    }

    /** Active accounts: code -> Xero account Type (REVENUE, BANK, EXPENSE, ...). */
    public Map<String, String> activeAccounts() {
        Map<String, String> accounts = new HashMap<>();
        for (JsonNode account : xero.get("Accounts").path("Accounts")) {
            String status = account.path("Status").asText("ACTIVE");
            if (account.hasNonNull("Code") && "ACTIVE".equals(status)) {
                accounts.put(account.path("Code").asText(), account.path("Type").asText());
            }
        }
        return accounts;
    }

    public Set<String> activeTaxTypes() {
        Set<String> taxTypes = new HashSet<>();
        for (JsonNode rate : xero.get("TaxRates").path("TaxRates")) {
            if (!"DELETED".equals(rate.path("Status").asText()) && !"ARCHIVED".equals(rate.path("Status").asText())) {
                taxTypes.add(rate.path("TaxType").asText());
            }
        }
        return taxTypes;
    }
}
