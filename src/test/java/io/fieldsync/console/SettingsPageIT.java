package io.fieldsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.fieldsync.testing.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Settings as a form: a change is saved and logged; a value the API refuses is shown at its field and nothing changes. */
class SettingsPageIT extends BrowserIntegrationTest {

    @Test
    void aChangedSettingIsSavedAndShowsInTheChangeLog() {
        startFresh();
        logInAsOperator();
        open("settings.html");

        new Select(find(By.id("setting-invoices.status"))).selectByValue("DRAFT");
        assertThat(find(By.id("changed-count")).getText()).isEqualTo("1 change");
        find(By.id("save")).click();

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Saved: invoices.status DRAFT (was AUTHORISED)"));
        assertThat(invoices()).containsEntry("status", "DRAFT");
        assertThat(find(By.id("change-log")).getText()).contains("invoices.status").contains(OPERATOR);
        assertThat(find(By.id("changed-count")).getText()).isEqualTo("No changes");
    }

    @Test
    void aValueTheApiRefusesIsShownAtItsFieldAndNothingChanges() {
        startFresh();
        logInAsOperator();
        open("settings.html");

        WebElement prefix = find(By.id("setting-invoices.reference-prefix"));
        prefix.clear();
        prefix.sendKeys("INV-");
        WebElement account = find(By.id("setting-invoices.sales-account"));
        account.clear();
        account.sendKeys("NOPE9");
        find(By.id("save")).click();

        WebElement error = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("error-invoices.sales-account")));
        assertThat(error.getText()).isEqualTo("invoices.sales-account 'NOPE9' is not an active account code of the Xero organisation");
        assertThat(account.getAttribute("class")).contains("invalid");
        assertThat(find(By.id("notice")).getText()).startsWith("Not saved, nothing changed");
        assertThat(invoices()).containsEntry("sales-account", "200").containsEntry("reference-prefix", "FS-");
        assertThat(state.queryForObject("select count(*) from settings_change", Integer.class)).isZero();
        screenshot("settings");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> invoices() {
        return (Map<String, Object>) asOperator().getForObject("/api/settings", Map.class).get("invoices");
    }
}
