package io.fieldsync.xero;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which Xero TaxType an FSM tax code becomes: {@code fieldsync.tax-types.<code>} (sales) or
 * {@code fieldsync.purchase-tax-types.<code>} (purchases) when set,
 * otherwise the one Xero tax rate of the same percentage that applies to revenue (sales) or
 * expenses (purchases); none (Xero's default applies) when no rate or several match.
 * Xero's tax rates are read once per sync run ({@link #refresh()}).
 */
@Component("taxTypes")
public class TaxTypes {

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
        rates = java.util.stream.StreamSupport.stream(answer.path("TaxRates").spliterator(), false)
                .filter(rate -> !"DELETED".equals(rate.path("Status").asText()) && !"ARCHIVED".equals(rate.path("Status").asText()))
                .map(rate -> new XeroRate(rate.path("TaxType").asText(), percentage(rate),
                        rate.path("CanApplyToRevenue").asBoolean(), rate.path("CanApplyToExpenses").asBoolean()))
                .toList();
    }

    private void readSettings() {
        configured = Binder.get(environment)
                .bind("fieldsync.tax-types", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        configuredPurchases = Binder.get(environment)
                .bind("fieldsync.purchase-tax-types", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    }

    public String sales(String fsmCode, Object fsmRate) {
        return resolve(fsmCode, fsmRate, true);
    }

    public String purchases(String fsmCode, Object fsmRate) {
        return resolve(fsmCode, fsmRate, false);
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

    private static BigDecimal percentage(JsonNode rate) {
        return Optional.ofNullable(rate.get("EffectiveRate")).or(() -> Optional.ofNullable(rate.get("DisplayTaxRate")))
                .or(() -> Optional.ofNullable(rate.get("Rate")))
                .map(node -> new BigDecimal(node.asText("0"))).orElse(BigDecimal.ZERO);
    }
}
