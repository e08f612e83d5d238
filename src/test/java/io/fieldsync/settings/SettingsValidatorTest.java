package io.fieldsync.settings;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.fieldsync.testing.ShippedSettings;
import io.fieldsync.xero.FsmTaxRates;
import io.fieldsync.xero.XeroChartOfAccounts;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

/** The settings API's checks come from the records' declarations; only accounts and tax types ask Xero. */
class SettingsValidatorTest {

    private final RuntimeSettings runtime = mock(RuntimeSettings.class);
    private final XeroChartOfAccounts xero = mock(XeroChartOfAccounts.class);
    private final SettingsValidator validator = new SettingsValidator(xero, mock(FsmTaxRates.class), ShippedSettings.environment(),
            runtime, Validation.buildDefaultValidatorFactory().getValidator());

    SettingsValidatorTest() {
        when(runtime.overridesWith(anyMap())).thenAnswer(call -> {
            Map<String, Object> next = new HashMap<>();
            ((Map<String, String>) call.getArgument(0)).forEach((name, value) -> {
                if (value != null) {
                    next.put(name, value);
                }
            });
            return next;
        });
        when(xero.activeAccounts()).thenReturn(Map.of("200", "REVENUE", "090", "BANK"));
    }

    @Test
    void aValueAgainstItsRecordsConstraintIsRefusedNamingTheSettingAndTheValue() {
        refused("invoices.status", "PAID", "invoices.status must be one of AUTHORISED, DRAFT, not 'PAID'");
        refused("entities.invoice.direction", "sideways", "entities.invoice.direction must be one of both, off, pull, push, not 'sideways'");
        refused("schedule.every", "PT10S", "schedule.every must be at least PT1M");
        refused("schedule.cron", "every day at noon", "schedule.cron 'every day at noon' is not a Quartz cron expression");
        refused("alerts.recipients", "ops@example.com, not-an-address", "alerts.recipients 'not-an-address' is not an email address");
        refused("alerts.failing-runs", "0", "alerts.failing-runs must be a whole number from 1 to 1000");
        refused("invoices.reference-prefix", "X".repeat(21), "invoices.reference-prefix must be at most 20 characters");
    }

    @Test
    void aValueThatCannotBeReadAsItsTypeIsRefusedInWords() {
        refused("schedule.every", "soon", "schedule.every 'soon' is not an ISO-8601 duration");
        refused("alerts.smtp-port", "twenty-five", "alerts.smtp-port must be a whole number, not 'twenty-five'");
        refused("invoices.send-tax", "yes", "invoices.send-tax must be one of false, true, not 'yes'");
    }

    @Test
    void onlyWhatAChangeableRecordDeclaresMayBeChanged() {
        refused("xero.api-url", "https://elsewhere.example", "xero.api-url is not a setting the API can change");
        refused("sync.stale-after", "PT1M", "sync.stale-after is not a setting the API can change");
        refused("invoices.colour", "blue", "invoices.colour is not a setting the API can change");
        refused("entities.quote.direction", "push", "entities.quote.direction names an unknown entity");
        refused("alerts.smtp-password", "hunter2", "alerts.smtp-password is a secret");
    }

    @Test
    void accountCodesAreCheckedAgainstXero() {
        refused("invoices.sales-account", "999", "invoices.sales-account '999' is not an active account code");
        refused("payments.account", "200", "payments.account '200' is a REVENUE account; a BANK account is needed");
    }

    @Test
    void validChangesPass() {
        Map<String, String> change = new LinkedHashMap<>();
        change.put("fieldsync.invoices.status", "DRAFT");
        change.put("fieldsync.entities.contact.master", "xero");
        change.put("fieldsync.schedule.every", "PT15M");
        change.put("fieldsync.invoices.sales-account", "200");
        change.put("fieldsync.alerts.sync-report", null);
        assertThatCode(() -> validator.check(change)).doesNotThrowAnyException();
    }

    private void refused(String setting, String value, String message) {
        Map<String, String> change = new LinkedHashMap<>();
        change.put(SettingsTree.PREFIX + setting, value);
        assertThatThrownBy(() -> validator.check(change)).isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((InvalidSettingException) e).setting())
                        .isEqualTo(setting));
    }
}
