package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** How Xero's tax rates are read: what the answer may carry besides them, and what it must carry. */
class TaxTypesTest {

    private final ObjectMapper json = new ObjectMapper();
    private final XeroReads xero = mock(XeroReads.class);
    private final TaxTypes taxTypes = new TaxTypes(new MockEnvironment().withProperty("fieldsync.tax-types.GST", "OUTPUT"), xero);

    @Test
    void preEpochDatesUnknownFieldsAndAnUnreadableRateLeaveTheOtherRatesUsable() throws Exception {
        when(xero.get("TaxRates")).thenReturn(json.readTree("""
                {"TaxRates": [
                  {"Name": "GST Free Income", "TaxType": "EXEMPTOUTPUT", "Status": "ACTIVE", "EffectiveRate": 0.0,
                   "CanApplyToRevenue": true, "UpdatedDateUTC": "/Date(-2208988800000+0000)/",
                   "SandboxFutureField": {"Note": "a field this version does not name"}},
                  {"Name": "Luxury Car Tax", "TaxType": "LCT", "Status": "ACTIVE", "EffectiveRate": "n/a",
                   "CanApplyToRevenue": true},
                  {"Name": "No type", "Status": "ACTIVE", "EffectiveRate": 33.0, "CanApplyToRevenue": true},
                  {"Name": "Half GST", "TaxType": "TAX005", "Status": "ACTIVE", "EffectiveRate": 5.0,
                   "CanApplyToRevenue": true, "ReportTaxType": "SOMETHING_NEW"}]}"""));

        taxTypes.refresh();

        assertThat(taxTypes.sales("FRE", "0.0000")).isEqualTo("EXEMPTOUTPUT");
        assertThat(taxTypes.sales("MIX5", "5.0000")).isEqualTo("TAX005");
        assertThat(taxTypes.sales("LUX", "33.0000")).isNull();
        assertThat(taxTypes.sales("GST", "10.0000")).isEqualTo("OUTPUT");
    }

    @Test
    void answerWithoutTaxRatesStopsTheRunRatherThanFailEveryInvoice() throws Exception {
        when(xero.get("TaxRates")).thenReturn(json.readTree("{\"Id\": \"x\", \"Status\": \"OK\"}"));

        assertThatThrownBy(taxTypes::refresh).isInstanceOf(XeroAnswerException.class)
                .hasMessage("Xero's answer to GET TaxRates has no TaxRates list: {\"Id\":\"x\",\"Status\":\"OK\"}");
    }

    @Test
    void aTypeOfAnotherRateThanTheFsmCodesIsADisagreementNamingBothRates() throws Exception {
        when(xero.get("TaxRates")).thenReturn(json.readTree("""
                {"TaxRates": [
                  {"TaxType": "OUTPUT", "Status": "ACTIVE", "EffectiveRate": 10.0, "DisplayTaxRate": 10.0, "CanApplyToRevenue": true},
                  {"TaxType": "EXEMPTOUTPUT", "Status": "ACTIVE", "DisplayTaxRate": 0.0, "CanApplyToRevenue": true}]}"""));

        taxTypes.refresh();

        assertThat(taxTypes.disagreement("5.0000", "OUTPUT")).hasValue("FSM rate 5% but Xero OUTPUT is 10%");
        assertThat(taxTypes.disagreement("10.0000", "OUTPUT")).isEmpty();
        assertThat(taxTypes.disagreement("0.0000", "EXEMPTOUTPUT")).isEmpty();
        assertThat(taxTypes.disagreement("12.5", "EXEMPTOUTPUT")).hasValue("FSM rate 12.5% but Xero EXEMPTOUTPUT is 0%");
        assertThat(taxTypes.disagreement("5.0000", "UNKNOWN")).as("Xero refuses an unknown type itself").isEmpty();
    }
}
