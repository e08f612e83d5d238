package io.fieldsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.fieldsync.reconcile.Difference;
import io.fieldsync.testing.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.jdbc.core.JdbcTemplate;

/** The reports of a period on screen and as files; a period the API refuses is said in its words. */
class ReportsPageIT extends BrowserIntegrationTest {

    @Test
    void theReconciliationOfAMonthIsShownAndDownloadsAsCsv() throws Exception {
        startFresh();
        syncToEnd();
        LocalDate busiest = new JdbcTemplate(sourceDataSource).queryForObject("""
                select min(issue_date) from invoices where status in ('issued', 'paid')""", LocalDate.class);
        LocalDate from = busiest.withDayOfMonth(1);
        LocalDate to = from.plusMonths(1).minusDays(1);
        Path downloads = downloads();
        logInAsOperator();
        open("reports.html?from=" + from + "&to=" + to);

        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("reconciliation-counts")), Duration.ofSeconds(60));
        Map<?, ?> report = asOperator().getForObject("/api/reports/reconciliation?from=" + from + "&to=" + to, Map.class);
        assertThat(find(By.id("matched")).getText()).isEqualTo(String.valueOf(report.get("matched")));
        screenshot("reports");
        find(By.id("download-reconciliation")).click();

        Path file = downloads.resolve("reconciliation-" + from + "-" + to + ".csv");
        waitFor(driver -> Files.exists(file) ? file : null, Duration.ofSeconds(30));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(String.join(",", Difference.COLUMNS));
        List<?> differences = (List<?>) report.get("differences");
        assertThat(lines).hasSize(1 + differences.size());
        for (int i = 0; i < differences.size(); i++) {
            Map<?, ?> row = (Map<?, ?>) differences.get(i);
            assertThat(lines.get(i + 1)).startsWith(row.get("entity") + "," + row.get("localId") + "," + row.get("number") + ",")
                    .contains("," + row.get("status") + ",");
        }
    }

    @Test
    void aPeriodTheApiRefusesIsShownInItsWords() {
        logInAsOperator();
        open("reports.html?from=2026-03-31&to=2026-03-01");

        assertThat(find(By.id("reconciliation-refused")).getText())
                .isEqualTo("The API refused this period: 'to' (2026-03-01) is before 'from' (2026-03-31)");
        assertThat(find(By.id("download-reconciliation")).isEnabled()).isFalse();
    }
}
