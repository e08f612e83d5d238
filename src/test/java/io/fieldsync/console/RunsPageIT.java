package io.fieldsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.fieldsync.testing.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The sync history and one run's page: who started it, when, and what it did per entity. */
class RunsPageIT extends BrowserIntegrationTest {

    @Test
    @SuppressWarnings("unchecked")
    void theRunsPageListsARunAndItsPageShowsItsCountsAndLinksItsFailedRecords() {
        startFresh();
        Map<String, Object> run = syncToEnd();
        long id = ((Number) run.get("id")).longValue();
        Map<String, Map<String, Integer>> counts = (Map<String, Map<String, Integer>>) run.get("counts");
        Map<String, Object> contactsOnly = asOperator().postForObject("/api/syncs", Map.of("entities", List.of("contact")), Map.class);
        long second = ((Number) contactsOnly.get("id")).longValue();
        awaitEnd(second);
        logInAsViewer();

        open("runs.html");

        WebElement row = find(By.id("run-" + id));
        assertThat(row.getText()).contains("Sync " + id, run.get("status").toString(), "Manual", OPERATOR);
        assertThat(find(By.cssSelector("#run-rows tr")).getAttribute("id")).as("newest first").isEqualTo("run-" + second);
        screenshot("runs");
        row.findElement(By.linkText("Sync " + id)).click();

        waitFor(ExpectedConditions.textToBe(By.id("run-status"), run.get("status").toString()));
        assertThat(find(By.id("run-who")).getText()).isEqualTo(OPERATOR);
        Map<String, Integer> invoices = counts.get("invoice");
        List<WebElement> cells = find(By.id("count-invoice")).findElements(By.tagName("td"));
        assertThat(cells.subList(0, 4)).extracting(WebElement::getText).containsExactly("invoice",
                String.valueOf(invoices.get("synced")), String.valueOf(invoices.get("failed")), String.valueOf(invoices.get("skipped")));
        int failed = counts.values().stream().mapToInt(c -> c.get("failed")).sum();
        assertThat(find(By.id("run-totals")).getText()).contains(failed + " failed");
        assertThat(find(By.id("failed-records")).findElements(By.cssSelector("tbody tr"))).hasSize(Math.min(20, failed));
        browser().manage().window().setSize(new Dimension(1280, 1500)); // the whole run, timeline included, for the README
        try {
            screenshot("run");
        } finally {
            browser().manage().window().setSize(new Dimension(1280, 900));
        }

        find(By.id("failed-all")).click();

        waitFor(ExpectedConditions.textToBe(By.id("summary"), failed + " records"));
        assertThat(browser().findElements(By.cssSelector("#record-rows .record-status"))).extracting(WebElement::getText)
                .hasSize(failed).containsOnly("FAILED");
    }

    @Test
    void aRunningRunIsFollowedLiveToItsEnd() {
        startFresh();
        Map<String, Object> started = asOperator().postForObject("/api/syncs", null, Map.class);
        long id = ((Number) started.get("id")).longValue();
        logInAsOperator();

        open("run.html?id=" + id);
        waitFor(ExpectedConditions.textToBe(By.id("run-status"), "RUNNING"));

        waitFor(ExpectedConditions.textMatches(By.id("run-status"), Pattern.compile("SUCCEEDED|COMPLETED_WITH_ERRORS")), Duration.ofSeconds(90));
        assertThat(awaitEnd(id).get("status")).isEqualTo(find(By.id("run-status")).getText());
    }

    @Test
    void aBatchXeroKeptRefusingIsCountedOnTheOverviewListedAsDeadLetterAndShownOnItsRun() {
        startFresh();
        sandbox.faults().on("POST", "/Contacts").serverError(503);
        long id = ((Number) syncToEnd().get("id")).longValue();
        int letters = state.queryForObject("select count(*) from dead_letter where resolved_at is null and run_id = ?", Integer.class, id);
        logInAsViewer();

        find(By.id("dead-letter-count")).click();

        List<WebElement> rows = find(By.id("dead-letter-rows")).findElements(By.cssSelector("tbody tr"));
        assertThat(letters).isPositive();
        assertThat(rows).hasSize(letters).allSatisfy(row -> assertThat(row.getText()).contains("Sync " + id, "contact", "503"));
        rows.get(0).findElement(By.linkText("Sync " + id)).click();
        waitFor(ExpectedConditions.textToBe(By.id("run-status"), "FAILED"));
        assertThat(find(By.id("run-dead-letters")).findElements(By.cssSelector("tbody tr"))).hasSize(letters);
    }
}
