package io.fieldsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.fieldsync.testing.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The connection page: the organisation and how the connection stands; what the API refuses, in its words; viewers only look. */
class ConnectionPageIT extends BrowserIntegrationTest {

    @Test
    void theConnectionPageShowsTheOrganisationAndItsStatus() {
        startFresh(); // one organisation, known by name
        String organisation = state.queryForObject("select name from xero_tenant where tenant_id = ?", String.class, sandbox.tenantId());
        logInAsOperator();
        open("connection.html");

        waitFor(ExpectedConditions.textToBe(By.id("organisation-name"), organisation));
        assertThat(find(By.id("status")).getText()).isEqualTo("Connected");
        assertThat(find(By.id("facts")).getText()).contains(sandbox.tenantId()).contains("Xero custom connection");
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
        waitFor(ExpectedConditions.textToBe(By.id("status"), "Connected"));
    }

    @Test
    void aViewerSeesEveryPageButNoActionButton() {
        logInAsViewer();
        // each a page of its own (a new hash alone loads none): the page, what shows it has drawn, the operator's buttons
        List<List<Object>> pages = List.of(
                List.of("matching.html#customers", "kind-contacts", List.of("run-matching")),
                List.of("connection.html", "status", List.of("connect", "disconnect")),
                List.of("matching.html#import", "import", List.of("import-contacts", "import-items")),
                List.of("settings.html", "group-invoices", List.of("save", "save-windows", "discard")),
                List.of("reports.html", "quick", List.of("mail-reconciliation")));
        for (List<Object> page : pages) {
            open((String) page.get(0));
            find(By.id((String) page.get(1)));
            for (Object button : (List<?>) page.get(2)) {
                assertThat(browser().findElements(By.id((String) button))).as(button + " on " + page.get(0)).isEmpty();
            }
        }
        open("settings.html");
        assertThat(find(By.id("setting-invoices.status")).isEnabled()).as("a viewer's settings are read-only").isFalse();
    }
}
