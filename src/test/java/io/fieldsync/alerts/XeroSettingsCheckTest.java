package io.fieldsync.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import io.fieldsync.xero.FsmTaxRates;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Settings that name accounts and tax types are held against what the organisation has, each by its name. */
class XeroSettingsCheckTest {

    private static final Map<String, String> ACCOUNTS = Map.of("200", "REVENUE", "310", "DIRECTCOSTS", "090", "BANK", "404", "EXPENSE");
    private static final Map<String, BigDecimal> TAX_TYPES = Map.of("OUTPUT", new BigDecimal("10.0000"), "INPUT", BigDecimal.TEN,
            "EXEMPTOUTPUT", BigDecimal.ZERO);
    private static final FsmTaxRates FSM = () -> Map.of("GST", new BigDecimal("10.0000"), "MIX5", new BigDecimal("5.0000"),
            "FRE", BigDecimal.ZERO);

    @Test
    void settingsXeroHasAreNoProblem() {
        MockEnvironment settings = new MockEnvironment().withProperty("fieldsync.invoices.sales-account", "200")
                .withProperty("fieldsync.items.purchase-account", "310").withProperty("fieldsync.payments.account", "090")
                .withProperty("fieldsync.payments.fees.account", "").withProperty("fieldsync.tax-types.GST", "OUTPUT");

        assertThat(new XeroSettingsCheck(null, settings, null, null, FSM).problems(ACCOUNTS, TAX_TYPES)).isEmpty();
    }

    @Test
    void unknownAccountCodesAndTaxTypesAreReportedByTheirSetting() {
        MockEnvironment settings = new MockEnvironment().withProperty("fieldsync.invoices.sales-account", "999")
                .withProperty("fieldsync.payments.account", "404").withProperty("fieldsync.payments.accounts.card", "091")
                .withProperty("fieldsync.tax-types.GST", "VAT20");

        assertThat(new XeroSettingsCheck(null, settings, null, null, FSM).problems(ACCOUNTS, TAX_TYPES)).containsExactly(
                "fieldsync.invoices.sales-account=999 is not an active account code of the Xero organisation",
                "fieldsync.payments.account=404 is a EXPENSE account in Xero, not a BANK account",
                "fieldsync.payments.accounts.card=091 is not an active account code of the Xero organisation",
                "fieldsync.tax-types.GST=VAT20 is not a tax type of the Xero organisation; it has EXEMPTOUTPUT, INPUT, OUTPUT");
    }

    @Test
    void aTaxTypeWhoseRateDiffersFromItsFsmCodesIsReportedWithBothRates() {
        MockEnvironment settings = new MockEnvironment().withProperty("fieldsync.tax-types.GST", "OUTPUT")
                .withProperty("fieldsync.tax-types.MIX5", "OUTPUT").withProperty("fieldsync.tax-types.FRE", "EXEMPTOUTPUT")
                .withProperty("fieldsync.purchase-tax-types.FRE", "INPUT").withProperty("fieldsync.tax-types.ELSEWHERE", "OUTPUT");

        assertThat(new XeroSettingsCheck(null, settings, null, null, FSM).problems(ACCOUNTS, TAX_TYPES)).containsExactlyInAnyOrder(
                "fieldsync.tax-types.MIX5: FSM rate 5% but Xero OUTPUT is 10%",
                "fieldsync.purchase-tax-types.FRE: FSM rate 0% but Xero INPUT is 10%");
    }
}
