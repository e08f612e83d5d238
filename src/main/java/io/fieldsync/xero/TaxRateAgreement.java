package io.fieldsync.xero;

import java.math.BigDecimal;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether an FSM tax code's rate is the rate of the Xero tax type it goes as. Xero computes each
 * line's tax from its TaxType, so a type of another rate changes the invoice's tax and total
 * (5 % mapped to OUTPUT at 10 % turns 60.10 of tax into 78.19). One wording for the settings API,
 * the settings check and the invoice lines.
 */
public final class TaxRateAgreement {

    private TaxRateAgreement() {
    }

    /** "FSM rate 5% but Xero OUTPUT is 10%", or empty when the rates agree or either is unknown. */
    public static Optional<String> disagreement(Object fsmRate, String taxType, BigDecimal xeroRate) {
        if (fsmRate == null || taxType == null || xeroRate == null) {
            return Optional.empty();
        }
        BigDecimal fsm = new BigDecimal(fsmRate.toString().strip());
        if (fsm.compareTo(xeroRate) == 0) {
            return Optional.empty();
        }
        return Optional.of("FSM rate " + percent(fsm) + " but Xero " + taxType + " is " + percent(xeroRate));
    }

    static String percent(BigDecimal rate) {
        return rate.stripTrailingZeros().toPlainString() + "%";
    }

    /**
     * A Xero tax rate's percentage: EffectiveRate (what Xero applies, compound components
     * included), else DisplayTaxRate, else Rate; zero when it names none, null when it is not a number.
     */
    static BigDecimal percentage(JsonNode rate) {
        JsonNode given = rate.hasNonNull("EffectiveRate") ? rate.get("EffectiveRate")
                : rate.hasNonNull("DisplayTaxRate") ? rate.get("DisplayTaxRate") : rate.get("Rate");
        if (given == null || given.isNull()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(given.asText("0").strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
