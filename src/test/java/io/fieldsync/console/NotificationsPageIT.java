package io.fieldsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.fieldsync.testing.BrowserIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** What waits for a person, in the browser: a batch Xero never took (with the batch as sent), a Xero payment without its invoice, the alerts. */
class NotificationsPageIT extends BrowserIntegrationTest {

    @AfterEach
    void xeroBack() {
        sandbox.faults().clear();
    }

    @Test
    void aViewerSeesTheDeadLetterWithItsBatchTheUnmatchedPaymentAndTheRunsAlert() {
        startFresh();
        sandbox.faults().on("POST", "/Contacts").serverError(503);
        Map<String, Object> failed = syncToEnd();
        assertThat(failed.get("status")).isEqualTo("FAILED");
        sandbox.faults().clear();
        long letter = state.queryForObject("select min(id) from dead_letter", Long.class);
        int letters = state.queryForObject("select count(*) from dead_letter where run_id = ?", Integer.class, failed.get("id"));
        var ofTheRun = asViewer().getForEntity("/api/dead-letters?open=true&size=1&run=" + failed.get("id"), String.class);
        assertThat(ofTheRun.getHeaders().getFirst("X-Total-Count")).isEqualTo(String.valueOf(letters));
        assertThat(asViewer().getForEntity("/api/dead-letters?run=" + (((Number) failed.get("id")).longValue() + 1000), String.class)
                .getHeaders().getFirst("X-Total-Count")).isEqualTo("0");
        state.update("insert into xero_payment (tenant_ref, payment_id, invoice_number, contact_name, amount, paid_on, reference,"
                + " outcome, reason, created_at, updated_at) select id, '6f0d3c3e-2b7e-4d43-9a4e-0c1d2e3f4a5b', 'INV-0042',"
                + " 'Outback Strata', 123.45, current_date, 'EFT 77', 'UNMATCHED', 'no open invoice of the customer with exactly 123.45 due',"
                + " now(6), now(6) from xero_tenant");

        logInAsViewer();
        open("dead-letters.html");

        WebElement deadLetter = waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.dead-letter")));
        assertThat(deadLetter.getText()).startsWith(String.valueOf(letter)).contains("503");
        deadLetter.findElement(By.tagName("button")).click();
        assertThat(waitFor(ExpectedConditions.visibilityOf(deadLetter.findElement(By.cssSelector("pre.letter-body")))).getText())
                .startsWith("{\"Contacts\":[").contains("ContactNumber");

        open("notifications.html");
        assertThat(find(By.cssSelector("tr.unmatched-payment")).getText())
                .contains("123.45", "Outback Strata", "INV-0042", "EFT 77", "no open invoice of the customer with exactly 123.45 due");
        assertThat(find(By.cssSelector("tr.notification")).getText()).contains(String.valueOf(failed.get("id")));
        screenshot("notifications");
    }
}
