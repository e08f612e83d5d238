package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Settings that name accounts and tax types are held against what the organisation has, each by its name. */
class XeroSettingsCheckTest {

    private static final Map<String, String> ACCOUNTS = Map.of("200", "REVENUE", "310", "DIRECTCOSTS", "090", "BANK", "404", "EXPENSE");
    private static final Set<String> TAX_TYPES = Set.of("OUTPUT", "INPUT");

    @Test
    void settingsXeroHasAreNoProblem() {
        MockEnvironment settings = new MockEnvironment().withProperty("fieldsync.invoices.sales-account", "200")
                .withProperty("fieldsync.items.purchase-account", "310").withProperty("fieldsync.payments.account", "090")
                .withProperty("fieldsync.payments.fees.account", "").withProperty("fieldsync.tax-types.GST", "OUTPUT");

        assertThat(new XeroSettingsCheck(null, settings, null, null).problems(ACCOUNTS, TAX_TYPES)).isEmpty();
    }

    @Test
    void unknownAccountCodesAndTaxTypesAreReportedByTheirSetting() {
        MockEnvironment settings = new MockEnvironment().withProperty("fieldsync.invoices.sales-account", "999")
                .withProperty("fieldsync.payments.account", "404").withProperty("fieldsync.payments.accounts.card", "091")
                .withProperty("fieldsync.tax-types.GST", "VAT20");

        assertThat(new XeroSettingsCheck(null, settings, null, null).problems(ACCOUNTS, TAX_TYPES)).containsExactly(
                "fieldsync.invoices.sales-account=999 is not an active account code of the Xero organisation",
                "fieldsync.payments.account=404 is a EXPENSE account in Xero, not a BANK account",
                "fieldsync.payments.accounts.card=091 is not an active account code of the Xero organisation",
                "fieldsync.tax-types.GST=VAT20 is not a tax type of the Xero organisation; it has INPUT, OUTPUT");
    }
}
