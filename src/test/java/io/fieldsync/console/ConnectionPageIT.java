package io.fieldsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fieldsync.testing.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The connection page: the organisation and how the connection stands; what the API refuses, in its words; viewers only look. */
class ConnectionPageIT extends BrowserIntegrationTest {

    @Test
    void theConnectionPageShowsTheOrganisationAndItsStatus() {
        asOperator().getForObject("/api/matching/contacts", List.class); // FieldSync learns the organisation's name when it first works on it
        String organisation = state.queryForObject("select name from xero_tenant where tenant_id = ?", String.class, sandbox.tenantId());
        logInAsOperator();
        open("connection.html");

        waitFor(ExpectedConditions.textToBe(By.id("organisation-name"), organisation));
        assertThat(find(By.id("status")).getText()).isEqualTo("Connected");
        assertThat(find(By.id("facts")).getText()).contains(sandbox.tenantId()).contains("Xero custom connection");
        screenshot("connection");
    }

    @Test
    void disconnectingACustomConnectionIsRefusedInTheApisWords() {
        logInAsOperator();
        open("connection.html");

        find(By.id("disconnect")).click();
        assertThat(waitFor(ExpectedConditions.alertIsPresent()).getText()).contains("Nothing in Xero or in the field-service database is deleted");
        browser().switchTo().alert().accept();

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"),
                "fieldsync.xero.grant is client_credentials: FieldSync uses a Xero custom connection"));
        assertThat(find(By.id("status")).getText()).isEqualTo("Connected");
    }

    @Test
    void aViewerSeesEveryPageButNoActionButton() {
        logInAsViewer();
        Map<String, List<String>> actions = new LinkedHashMap<>(); // each a page of its own: a new hash alone does not load one
        actions.put("matching.html#customers", List.of("run-matching"));
        actions.put("connection.html", List.of("connect", "disconnect"));
        actions.put("matching.html#import", List.of("import-contacts", "import-items"));
        actions.put("settings.html", List.of("save", "save-windows", "discard"));
        actions.put("reports.html", List.of("mail-reconciliation"));
        actions.forEach((page, buttons) -> {
            open(page);
            waitFor(ExpectedConditions.not(ExpectedConditions.textToBe(By.tagName("main"), "")));
            waitFor(driver -> driver.findElements(By.cssSelector("main .muted")).stream().noneMatch(e -> e.getText().equals("…")));
            buttons.forEach(id -> assertThat(browser().findElements(By.id(id))).as(id + " on " + page).isEmpty());
        });
        open("settings.html");
        assertThat(find(By.id("setting-invoices.status")).isEnabled()).as("a viewer's settings are read-only").isFalse();
        assertThat(browser().findElements(By.cssSelector("#waiting button, #decided button"))).isEmpty();
    }
}
