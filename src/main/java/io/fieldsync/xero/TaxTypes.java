package io.fieldsync.xero;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsync.config.LiveSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which Xero TaxType an FSM tax code becomes: {@code fieldsync.tax-types.<code>} (sales) or
 * {@code fieldsync.purchase-tax-types.<code>} (purchases) when set,
 * otherwise the one Xero tax rate of the same percentage that applies to revenue (sales) or
 * expenses (purchases); none (Xero's default applies) when no rate or several match.
 * Xero's tax rates are read once per sync run ({@link #refresh()}); an answer without them stops
 * the run, a rate that cannot be read is left out with a warning.
 */
@Component("taxTypes")
public class TaxTypes {

    private static final Logger log = LoggerFactory.getLogger(TaxTypes.class);

    private record XeroRate(String taxType, BigDecimal rate, boolean revenue, boolean expenses) {
    }

    private final Environment environment;
    private volatile Map<String, String> configured;
    private volatile Map<String, String> configuredPurchases;
    private final XeroReads xero;
    private volatile List<XeroRate> rates;

    public TaxTypes(Environment environment, XeroReads xero) {
        this.environment = environment;
        this.xero = xero;
        readSettings();
    }

    /** Reads the settings and Xero's tax rates again; a sync run calls it once at its start. */
    public void refresh() {
        readSettings();
        JsonNode answer = xero.get("TaxRates");
        JsonNode taxRates = answer.path("TaxRates");
        if (!taxRates.isArray()) {
            // matching by rate against no rates would fail every invoice with a misleading reason
            throw new XeroAnswerException("Xero's answer to GET TaxRates has no TaxRates list: "
                    + XeroErrors.summary(answer.toString()));
        }
        List<XeroRate> read = new ArrayList<>();
        for (JsonNode rate : taxRates) {
            if ("DELETED".equals(rate.path("Status").asText()) || "ARCHIVED".equals(rate.path("Status").asText())) {
                continue;
            }
            BigDecimal percentage = TaxRateAgreement.percentage(rate);
            if (!rate.hasNonNull("TaxType") || percentage == null) {
                // one odd rate must not stop the run: codes of that rate find no match and say so
                log.warn("Xero tax rate {} has no {}; it is not used to match FSM tax codes",
                        XeroErrors.summary(rate.toString()), rate.hasNonNull("TaxType") ? "readable rate" : "TaxType");
                continue;
            }
            read.add(new XeroRate(rate.path("TaxType").asText(), percentage,
                    rate.path("CanApplyToRevenue").asBoolean(), rate.path("CanApplyToExpenses").asBoolean()));
        }
        rates = List.copyOf(read);
    }

    private void readSettings() {
        TaxTypeProperties settings = LiveSettings.bind(environment, TaxTypeProperties.class);
        configured = settings.taxTypes() == null ? Map.of() : settings.taxTypes();
        configuredPurchases = settings.purchaseTaxTypes() == null ? Map.of() : settings.purchaseTaxTypes();
    }

    public String sales(String fsmCode, Object fsmRate) {
        return resolve(fsmCode, fsmRate, true);
    }

    public String purchases(String fsmCode, Object fsmRate) {
        return resolve(fsmCode, fsmRate, false);
    }

    /**
     * Why an FSM tax code cannot go as the tax type it resolved to: "FSM rate 5% but Xero OUTPUT is
     * 10%" when Xero's rate of that type is another; empty when they agree or Xero's rate is unknown
     * (a type Xero lacks is refused by Xero itself, with its words).
     */
    public Optional<String> disagreement(Object fsmRate, String taxType) {
        if (taxType == null || fsmRate == null) {
            return Optional.empty();
        }
        if (rates == null) {
            refresh();
        }
        return rates.stream().filter(r -> r.taxType().equals(taxType)).findFirst()
                .flatMap(r -> TaxRateAgreement.disagreement(fsmRate, taxType, r.rate()));
    }

    private String resolve(String fsmCode, Object fsmRate, boolean revenue) {
        if (fsmCode == null) {
            return null;
        }
        String explicit = (revenue ? configured : configuredPurchases).get(fsmCode);
        if (explicit != null) {
            return explicit;
        }
        if (fsmRate == null) {
            return null;
        }
        if (rates == null) {
            refresh();
        }
        BigDecimal rate = new BigDecimal(fsmRate.toString());
        List<XeroRate> matches = rates.stream()
                .filter(r -> revenue ? r.revenue() && !r.expenses() : r.expenses() && !r.revenue())
                .filter(r -> r.rate().compareTo(rate) == 0)
                .toList();
        return matches.size() == 1 ? matches.get(0).taxType() : null;
    }
}
