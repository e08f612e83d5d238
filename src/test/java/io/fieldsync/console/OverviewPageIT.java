package io.fieldsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;

import io.fieldsync.testing.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The console's first page in a real browser: who may do what, and a sync started and watched to its end. */
class OverviewPageIT extends BrowserIntegrationTest {

    private static final Pattern ENDED = Pattern.compile("SUCCEEDED|COMPLETED_WITH_ERRORS");

    @Test
    void aPageWithoutALoginGoesToTheLoginPageAndAWrongPasswordIsSaidSo() {
        browser().get(url("/"));
        waitFor(ExpectedConditions.urlContains("/login.html"));
        find(By.id("username")).sendKeys(OPERATOR);
        find(By.id("password")).sendKeys("not-the-password");
        find(By.id("sign-in")).click();

        assertThat(waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("refused"))).getText())
                .isEqualTo("Wrong name or password.");
        screenshot("login");
    }

    @Test
    void aViewerSeesTheConnectionAndWhatNeedsAttentionButNoSyncButtons() {
        startFresh();
        syncToEnd(); // Xero answered: the connection is healthy whatever a test before left
        logInAsViewer();

        assertThat(find(By.cssSelector("header.top .who")).getText()).contains(VIEWER + " (viewer)");
        assertThat(find(By.id("connection-health")).getText()).startsWith("Connected");
        assertThat(find(By.id("failing-count")).getText()).endsWith("failing records");
        assertThat(find(By.id("dead-letter-count")).getText()).endsWith("open dead letters");
        assertThat(browser().findElements(By.id("sync-now"))).isEmpty();
        assertThat(browser().findElements(By.id("sync-entities"))).isEmpty();
    }

    @Test
    void anOperatorStartsASyncAndWatchesItFinish() {
        startFresh();
        logInAsOperator();

        find(By.id("sync-now")).click();

        waitFor(ExpectedConditions.textMatches(By.id("current-status"), ENDED), Duration.ofSeconds(90));
        long id = state.queryForObject("select max(id) from sync_run", Long.class);
        int failed = state.queryForObject("select count(*) from record_status where status = 'FAILED'", Integer.class);
        assertThat(find(By.id("current-run")).getText()).isEqualTo("Sync " + id);
        assertThat(state.queryForObject("select requested_by from sync_run where id = ?", String.class, id)).isEqualTo(OPERATOR);
        assertThat(failed).as("the sample data has records Xero refuses").isPositive();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("failing-count"), failed + " failing records"));
        assertThat(find(By.id("current-counts")).getText()).contains(failed + " failed");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("daily-totals"), "1 run: "));
        assertThat(find(By.id("daily-totals")).getText()).contains(failed + " failed");
        screenshot("overview");
    }

    @Test
    void aSecondSyncIsRefusedWithALinkToTheRunningOneAndChosenEntitiesSyncAlone() {
        startFresh();
        logInAsOperator();
        find(By.id("sync-now")).click();
        find(By.cssSelector("#choose-entities summary")).click();
        find(By.cssSelector("#entity-choices input[value='contact']")).click();
        find(By.cssSelector("#entity-choices input[value='item']")).click();

        find(By.id("sync-entities")).click();

        long running = state.queryForObject("select max(id) from sync_run", Long.class);
        assertThat(find(By.id("running-run")).getText()).isEqualTo("Sync " + running);
        assertThat(find(By.id("running-run")).getAttribute("href")).endsWith("/run.html?id=" + running);
        awaitEnd(running);

        find(By.id("sync-entities")).click();

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "started for contact, item"));
        long chosen = state.queryForObject("select max(id) from sync_run", Long.class);
        assertThat(chosen).isGreaterThan(running);
        assertThat(state.queryForObject("select entities from sync_run where id = ?", String.class, chosen)).isEqualTo("contact,item");
        awaitEnd(chosen);
        open("runs.html");
        assertThat(find(By.cssSelector("#run-" + chosen + " .run-entities")).getText()).isEqualTo("contact, item only");
    }
}
