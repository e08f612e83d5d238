package io.fieldsync.alerts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.fieldsync.config.LiveSettings;
import io.fieldsync.settings.InvoiceProperties;
import io.fieldsync.settings.ItemProperties;
import io.fieldsync.settings.PaymentProperties;
import io.fieldsync.xero.FsmTaxRates;
import io.fieldsync.xero.TaxRateAgreement;
import io.fieldsync.xero.TaxTypeProperties;
import io.fieldsync.xero.XeroChartOfAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
        PaymentProperties payments = LiveSettings.bind(environment, PaymentProperties.class);
        account(problems, accounts, "fieldsync.invoices.sales-account", LiveSettings.bind(environment, InvoiceProperties.class).salesAccount(), null);
        account(problems, accounts, "fieldsync.items.purchase-account", LiveSettings.bind(environment, ItemProperties.class).purchaseAccount(), null);
        account(problems, accounts, "fieldsync.payments.account", payments.account(), "BANK");
        account(problems, accounts, "fieldsync.payments.fees.account", payments.fees() == null ? null : payments.fees().account(), null);
        account(problems, accounts, "fieldsync.payments.surcharges.account",
                payments.surcharges() == null ? null : payments.surcharges().account(), null);
        orEmpty(payments.accounts()).forEach((method, code) ->
                account(problems, accounts, "fieldsync.payments.accounts." + method, code, "BANK"));
        Map<String, BigDecimal> fsmRates = fsmTaxRates.byCode();
        TaxTypeProperties declared = LiveSettings.bind(environment, TaxTypeProperties.class);
        Map<String, Map<String, String>> byPrefix = Map.of("fieldsync.tax-types", orEmpty(declared.taxTypes()),
                "fieldsync.purchase-tax-types", orEmpty(declared.purchaseTaxTypes()));
        for (String prefix : List.of("fieldsync.tax-types", "fieldsync.purchase-tax-types")) {
            byPrefix.get(prefix).forEach((code, taxType) -> {
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

    private void account(List<String> problems, Map<String, String> accounts, String setting, String value, String type) {
        String code = value == null ? "" : value.trim();
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

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
