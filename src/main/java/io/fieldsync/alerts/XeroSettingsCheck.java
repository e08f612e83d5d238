package io.fieldsync.alerts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.fieldsync.xero.FsmTaxRates;
import io.fieldsync.xero.TaxRateAgreement;
import io.fieldsync.xero.XeroChartOfAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The first read of a sync: the organisation's accounts and tax rates, held against the settings
 * that name them (sales, purchase, payment, fee and surcharge accounts; the tax types FSM tax
 * codes map to). A setting Xero does not have, or a tax type whose Xero rate is not its FSM code's
 * rate, is reported by its name, in the log and as one alert, before any record carries it; the run
 * goes on, and the records that carry it fail (with Xero's own words, or before sending with both
 * rates). The settings API refuses such values already; this catches application.yml and changes
 * made in Xero or in the FSM's tax codes since.
 */
@Component("xeroSettingsCheck")
public class XeroSettingsCheck {

    private static final Logger log = LoggerFactory.getLogger(XeroSettingsCheck.class);
    static final String CONDITION = "settings-not-in-xero";

    private final XeroChartOfAccounts chart;
    private final Environment environment;
    private final AlertOutbox outbox;
    private final AlertConditions conditions;
    private final FsmTaxRates fsmTaxRates;

    public XeroSettingsCheck(XeroChartOfAccounts chart, Environment environment, AlertOutbox outbox, AlertConditions conditions,
                             FsmTaxRates fsmTaxRates) {
        this.chart = chart;
        this.fsmTaxRates = fsmTaxRates;
        this.environment = environment;
        this.outbox = outbox;
        this.conditions = conditions;
    }

    /** The problems found, each naming its setting; alerted once (and again after alerts.repeat-after while they last). */
    public List<String> check(Long runId) {
        List<String> problems = problems(chart.activeAccounts(), chart.activeTaxRates());
        if (problems.isEmpty()) {
            conditions.clear(List.of(CONDITION));
            return problems;
        }
        problems.forEach(problem -> log.warn("Setting not in Xero: {}", problem));
        if (conditions.raise(CONDITION)) {
            outbox.add(AlertKind.ALERT, CONDITION, runId, "FieldSync: " + problems.size()
                    + " setting(s) name what the Xero organisation does not have or disagree with it", String.join("\n", problems)
                    + "\n\nRecords that carry them fail until the setting, the FSM or Xero is corrected.");
        }
        return problems;
    }

    List<String> problems(Map<String, String> accounts, Map<String, BigDecimal> taxRates) {
        java.util.Set<String> taxTypes = taxRates.keySet();
        List<String> problems = new ArrayList<>();
        account(problems, accounts, "fieldsync.invoices.sales-account", null);
        account(problems, accounts, "fieldsync.items.purchase-account", null);
        account(problems, accounts, "fieldsync.payments.account", "BANK");
        account(problems, accounts, "fieldsync.payments.fees.account", null);
        account(problems, accounts, "fieldsync.payments.surcharges.account", null);
        settingsUnder("fieldsync.payments.accounts").forEach((method, code) ->
                account(problems, accounts, "fieldsync.payments.accounts." + method, "BANK"));
        Map<String, BigDecimal> fsmRates = fsmTaxRates.byCode();
        for (String prefix : List.of("fieldsync.tax-types", "fieldsync.purchase-tax-types")) {
            settingsUnder(prefix).forEach((code, taxType) -> {
                if (taxType == null || taxType.isBlank()) {
                    return;
                }
                if (!taxTypes.contains(taxType.trim())) {
                    problems.add(prefix + "." + code + "=" + taxType + " is not a tax type of the Xero organisation; it has "
                            + String.join(", ", new TreeSet<>(taxTypes)));
                    return;
                }
                TaxRateAgreement.disagreement(fsmRates.get(code), taxType.trim(), taxRates.get(taxType.trim()))
                        .ifPresent(disagreement -> problems.add(prefix + "." + code + ": " + disagreement));
            });
        }
        return problems;
    }

    private void account(List<String> problems, Map<String, String> accounts, String setting, String type) {
        String code = environment.getProperty(setting, "").trim();
        if (code.isEmpty()) {
            return;
        }
        String found = accounts.get(code);
        if (found == null) {
            problems.add(setting + "=" + code + " is not an active account code of the Xero organisation");
        } else if (type != null && !type.equals(found)) {
            problems.add(setting + "=" + code + " is a " + found + " account in Xero, not a " + type + " account");
        }
    }

    private Map<String, String> settingsUnder(String prefix) {
        return Binder.get(environment).bind(prefix, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    }
}
