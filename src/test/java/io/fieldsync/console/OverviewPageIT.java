package io.fieldsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.fieldsync.testing.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The console's first page in a real browser: who may do what, and a sync started and watched to its end. */
class OverviewPageIT extends BrowserIntegrationTest {

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
    void aViewerSeesTheOverviewButNoSyncNow() {
        logInAsViewer();

        assertThat(find(By.cssSelector("header.top .who")).getText()).contains(VIEWER + " (viewer)");
        waitFor(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("connection"), "…")));
        assertThat(browser().findElements(By.id("sync-now"))).isEmpty();
    }

    @Test
    void anOperatorStartsASyncAndWatchesItFinish() {
        startFresh();
        logInAsOperator();

        find(By.id("sync-now")).click();

        waitFor(ExpectedConditions.textMatches(By.id("current-status"), java.util.regex.Pattern.compile("SUCCEEDED|COMPLETED_WITH_ERRORS")),
                Duration.ofSeconds(90));
        long id = state.queryForObject("select max(id) from sync_run", Long.class);
        assertThat(find(By.id("current-run")).getText()).isEqualTo("Sync " + id);
        assertThat(state.queryForObject("select requested_by from sync_run where id = ?", String.class, id)).isEqualTo(OPERATOR);
        screenshot("overview");
    }
}
