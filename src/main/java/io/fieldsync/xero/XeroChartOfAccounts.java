package io.fieldsync.xero;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/** The organisation's account codes (with their type) and tax types (with their rate), read when a setting names one. */
@Component("xeroChartOfAccounts")
public class XeroChartOfAccounts {

    private final XeroReads xero;

    public XeroChartOfAccounts(XeroReads xero) {
        this.xero = xero;
    }

    /** Active accounts: code -> Xero account Type (REVENUE, BANK, EXPENSE, ...). */
    public Map<String, String> activeAccounts() {
        Map<String, String> accounts = new HashMap<>();
        for (JsonNode account : list("Accounts")) {
            String status = account.path("Status").asText("ACTIVE");
            if (account.hasNonNull("Code") && "ACTIVE".equals(status)) {
                accounts.put(account.path("Code").asText(), account.path("Type").asText());
            }
        }
        return accounts;
    }

    public Set<String> activeTaxTypes() {
        return activeTaxRates().keySet();
    }

    /** Active tax types -> their rate in percent (EffectiveRate); null where Xero's rate is not a number. */
    public Map<String, BigDecimal> activeTaxRates() {
        Map<String, BigDecimal> rates = new HashMap<>();
        for (JsonNode rate : list("TaxRates")) {
            if (!"DELETED".equals(rate.path("Status").asText()) && !"ARCHIVED".equals(rate.path("Status").asText())) {
                rates.put(rate.path("TaxType").asText(), TaxRateAgreement.percentage(rate));
            }
        }
        return rates;
    }

    /** GET {collection} and its list: without one every code would look unknown to Xero. */
    private JsonNode list(String collection) {
        JsonNode answer = xero.get(collection);
        if (!answer.path(collection).isArray()) {
            throw new XeroAnswerException("Xero's answer to GET " + collection + " has no " + collection + " list: "
                    + XeroErrors.summary(answer.toString()));
        }
        return answer.path(collection);
    }
}
