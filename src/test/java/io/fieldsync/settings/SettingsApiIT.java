package io.fieldsync.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** GET/PUT /api/settings: the effective settings without secrets, validated changes that apply at once, recorded. */
class SettingsApiIT extends MariaDbIntegrationTest {

    @BeforeEach
    void freshStart() {
        startFresh();
    }

    @AfterEach
    void defaultsAgain() {
        startFresh();
    }

    @Test
    void showsTheEffectiveSettingsWithoutSecrets() {
        ResponseEntity<String> raw = asViewer().getForEntity("/api/settings", String.class);
        Map<?, ?> settings = asViewer().getForObject("/api/settings", Map.class);

        assertThat(raw.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(((Map<?, ?>) settings.get("invoices")).get("status")).isEqualTo("AUTHORISED");
        assertThat(((Map<?, ?>) ((Map<?, ?>) settings.get("entities")).get("contact")).get("direction")).isEqualTo("both");
        assertThat(((Map<?, ?>) settings.get("tax-types")).get("GST")).isEqualTo("OUTPUT");
        assertThat(settings.get("maintenance-windows")).isEqualTo(List.of());
        assertThat(raw.getBody()).doesNotContain("sandbox-secret").doesNotContain(OPERATOR_PASSWORD)
                .doesNotContain(VIEWER_PASSWORD).doesNotContain("client-secret").doesNotContain("password");
    }

    @Test
    void aChangedInvoiceStatusAppliesToTheNextSyncWithoutARestart() {
        ResponseEntity<Map> changed = putSettings(Map.of("invoices", Map.of("status", "DRAFT")));

        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(((Map<?, ?>) changed.getBody().get("invoices")).get("status")).isEqualTo("DRAFT");
        syncToEnd();
        List<ObjectNode> sales = sandbox.documents("Invoices").stream()
                .filter(invoice -> "ACCREC".equals(invoice.path("Type").asText())).toList();
        assertThat(sales).isNotEmpty().allSatisfy(invoice -> assertThat(invoice.path("Status").asText()).isEqualTo("DRAFT"));
    }

    @Test
    void anUnknownAccountCodeIsRefusedNamingTheFieldAndNothingChanges() {
        ResponseEntity<Map> refused = putSettings(Map.of("invoices", Map.of("status", "DRAFT", "sales-account", "999")));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("field", "invoices.sales-account");
        assertThat(refused.getBody().get("error").toString()).contains("'999' is not an active account code");
        Map<?, ?> settings = asOperator().getForObject("/api/settings", Map.class);
        assertThat(((Map<?, ?>) settings.get("invoices")).get("status")).as("the valid part was not applied either").isEqualTo("AUTHORISED");
        assertThat(state.queryForObject("select count(*) from settings_change", Integer.class)).isZero();
    }

    @Test
    void badValuesAreRefusedNamingTheField() {
        assertRefused(Map.of("schedule", Map.of("cron", "every day at noon")), "schedule.cron");
        assertRefused(Map.of("schedule", Map.of("every", "PT10S")), "schedule.every");
        assertRefused(Map.of("payments", Map.of("account", "200")), "payments.account");
        assertRefused(Map.of("tax-types", Map.of("GST", "VAT20")), "tax-types.GST");
        assertRefused(Map.of("entities", Map.of("invoice", Map.of("direction", "sideways"))), "entities.invoice.direction");
        assertRefused(Map.of("alerts", Map.of("recipients", "ops@example.com, not-an-address")), "alerts.recipients");
        assertRefused(Map.of("alerts", Map.of("smtp-password", "hunter2")), "alerts.smtp-password");
        assertRefused(Map.of("maintenance-windows", List.of(Map.of("start", "2026-12-24T18:00", "end", "2026-12-24T08:00"))),
                "maintenance-windows[0].end");
        assertRefused(Map.of("xero", Map.of("api-url", "https://elsewhere.example")), "xero.api-url");
    }

    @Test
    void aTaxTypeWhoseXeroRateDiffersFromTheFsmCodesRateIsRefusedNamingBothRates() {
        ResponseEntity<Map> refused = putSettings(Map.of("tax-types", Map.of("MIX5", "OUTPUT")));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("field", "tax-types.MIX5");
        assertThat(refused.getBody().get("error").toString())
                .contains("fieldsync.tax-types.MIX5: FSM rate 5% but Xero OUTPUT is 10%");
        assertThat(state.queryForObject("select count(*) from settings_change", Integer.class)).isZero();

        ResponseEntity<Map> purchases = putSettings(Map.of("purchase-tax-types", Map.of("GST", "EXEMPTEXPENSES")));
        assertThat(purchases.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(purchases.getBody().get("error").toString())
                .contains("fieldsync.purchase-tax-types.GST: FSM rate 10% but Xero EXEMPTEXPENSES is 0%");

        assertThat(putSettings(Map.of("tax-types", Map.of("FRE", "EXEMPTEXPORT"))).getStatusCode())
                .as("rates that agree are taken").isEqualTo(HttpStatus.OK);
    }

    @Test
    void aPageSizeChangedThroughTheApiAppliesToTheNextPush() {
        assertThat(putSettings(Map.of("sync", Map.of("page-size", 7))).getStatusCode()).isEqualTo(HttpStatus.OK);

        syncToEnd();

        // a page is planned and sent on its own: no contact batch holds more than the page's 7
        int contactsSent = state.queryForObject("select count(*) from record_status where entity = 'contact'"
                + " and status = 'SYNCED'", Integer.class);
        assertThat(contactsSent).isGreaterThan(7);
        assertThat(sandbox.apiCalls("POST", "Contacts")).isGreaterThanOrEqualTo((contactsSent + 6) / 7);
    }

    @Test
    void everyChangeIsInTheActivityReportWithWhoAndOldAndNewValues() {
        putSettings(Map.of("invoices", Map.of("numbering", "xero", "reference-prefix", "JOB-")));
        syncToEnd();

        Map<?, ?> activity = asViewer().getForObject("/api/reports/activity", Map.class);

        List<Map<String, Object>> changes = (List<Map<String, Object>>) activity.get("settingsChanges");
        assertThat(changes).anySatisfy(change -> assertThat(change)
                .containsEntry("setting", "invoices.numbering").containsEntry("changedBy", OPERATOR)
                .containsEntry("oldValue", "fsm").containsEntry("newValue", "xero"));
        assertThat(changes).anySatisfy(change -> assertThat(change)
                .containsEntry("setting", "invoices.reference-prefix").containsEntry("oldValue", "FS-").containsEntry("newValue", "JOB-"));
        List<Map<String, Object>> runs = (List<Map<String, Object>>) activity.get("runs");
        assertThat(runs).singleElement().satisfies(run -> assertThat(run)
                .containsEntry("trigger", "MANUAL").containsEntry("requestedBy", OPERATOR));
        Map<?, ?> empty = asViewer().getForObject("/api/reports/activity?from=2020-01-01&to=2020-01-31", Map.class);
        assertThat((List<?>) empty.get("runs")).isEmpty();
        assertThat((List<?>) empty.get("settingsChanges")).isEmpty();
    }

    private void assertRefused(Map<String, Object> change, String field) {
        ResponseEntity<Map> refused = putSettings(change);
        assertThat(refused.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).as(field).containsEntry("field", field);
    }
}
