package io.fieldsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.fieldsync.testing.BrowserIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Where records stand after a sync of the sample data (which has records Xero refuses), and what
 * an operator does about the failed ones through the page: re-sync one, skip one with a reason,
 * re-sync all of an entity.
 */
class RecordsPageIT extends BrowserIntegrationTest {

    @BeforeEach
    void aSyncWithFailedRecords() {
        startFresh();
        syncToEnd();
    }

    @Test
    void aViewerFiltersTheRecordsButHasNoActions() {
        logInAsViewer();
        open("records.html");

        new Select(find(By.id("status"))).selectByVisibleText("FAILED");

        waitFor(ExpectedConditions.textToBe(By.id("summary"), failedCount() + " records"));
        assertThat(browser().findElements(By.cssSelector("#record-rows .record-status"))).isNotEmpty()
                .extracting(WebElement::getText).containsOnly("FAILED");
        assertThat(browser().findElements(By.cssSelector("button.resync, button.skip, #bulk-resync, #resync-synced"))).isEmpty();
    }

    @Test
    void anOperatorFiltersFailedRecordsAndResyncsOne() {
        logInAsOperator();
        open("records.html");
        new Select(find(By.id("status"))).selectByVisibleText("FAILED");
        waitFor(ExpectedConditions.textToBe(By.id("summary"), failedCount() + " records"));
        WebElement row = find(By.cssSelector("#record-rows tr.record"));
        String entity = entityOf(row);
        long localId = localIdOf(row);
        assertThat(row.findElement(By.cssSelector("td.message")).getText()).as("Xero's words").isNotBlank();
        screenshot("records");

        row.findElement(By.cssSelector("button.resync")).click();

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), entity + " " + localId + " goes to Xero again"));
        Map<String, Object> status = state.queryForMap(
                "select status, resync_requested_at from record_status where entity = ? and local_id = ?", entity, localId);
        assertThat(status.get("status")).isEqualTo("PENDING");
        assertThat(status.get("resync_requested_at")).as("queued for the next run").isNotNull();
        assertThat(browser().getCurrentUrl()).endsWith("records.html?status=FAILED&size=50");
    }

    @Test
    void anOperatorSkipsAFailedRecordWithAReason() {
        logInAsOperator();
        open("records.html?status=FAILED");
        WebElement row = find(By.cssSelector("#record-rows tr.record"));
        String entity = entityOf(row);
        long localId = localIdOf(row);

        row.findElement(By.cssSelector("button.skip")).click();
        find(By.id("ask-ok")).click(); // no reason yet: the dialog stays
        find(By.id("ask-input")).sendKeys("duplicate of a customer kept in Xero");
        find(By.id("ask-ok")).click();

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), entity + " " + localId + " is skipped"));
        Map<String, Object> status = state.queryForMap(
                "select status, message from record_status where entity = ? and local_id = ?", entity, localId);
        assertThat(status.get("status")).isEqualTo("SKIPPED");
        assertThat(status.get("message")).isEqualTo("Skipped by " + OPERATOR + ": duplicate of a customer kept in Xero");
    }

    @Test
    void anOperatorResyncsEveryFailedInvoiceAfterSayingYes() {
        int failedInvoices = state.queryForObject(
                "select count(*) from record_status where entity = 'invoice' and status = 'FAILED'", Integer.class);
        logInAsOperator();
        open("records.html?entity=invoice&status=FAILED");
        waitFor(ExpectedConditions.elementToBeClickable(By.id("bulk-resync")));

        find(By.id("bulk-resync")).click();

        assertThat(find(By.cssSelector("#ask p")).getText()).contains("Every FAILED invoice record (" + failedInvoices + ")");
        find(By.id("ask-ok")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), failedInvoices + " FAILED invoice records go to Xero again"));
        assertThat(state.queryForObject("select count(*) from record_status where entity = 'invoice' and status = 'PENDING'"
                + " and resync_requested_at is not null", Integer.class)).isEqualTo(failedInvoices);
    }

    @Test
    void sendingEverySyncedRecordAgainSaysWhyAndNothingHappensOnCancel() {
        logInAsOperator();
        open("records.html?entity=contact");
        waitFor(ExpectedConditions.elementToBeClickable(By.id("resync-synced")));

        find(By.id("resync-synced")).click();

        assertThat(find(By.cssSelector("#ask p")).getText()).contains("after a mapping was edited");
        find(By.id("ask-cancel")).click();
        assertThat(browser().findElements(By.id("ask"))).isEmpty();
        assertThat(state.queryForObject("select count(*) from record_status where resync_requested_at is not null", Integer.class))
                .isZero();
    }

    private int failedCount() {
        return state.queryForObject("select count(*) from record_status where status = 'FAILED'", Integer.class);
    }

    /** A row's id is record-{entity}-{localId}; entity names have dashes of their own. */
    private static String entityOf(WebElement row) {
        String id = row.getAttribute("id");
        return id.substring("record-".length(), id.lastIndexOf('-'));
    }

    private static long localIdOf(WebElement row) {
        String id = row.getAttribute("id");
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }
}
