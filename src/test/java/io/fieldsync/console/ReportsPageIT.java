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
        JdbcTemplate source = new JdbcTemplate(sourceDataSource);
        LocalDate from = LocalDate.parse(source.queryForObject("""
                select date_format(issue_date, '%Y-%m-01') from invoices where status in ('issued', 'paid') and total > 0
                 group by 1 order by count(*) desc, 1 limit 1""", String.class));
        LocalDate to = from.plusMonths(1).minusDays(1);
        // two invoices of the month changed in the field-service books after they went to Xero: their totals differ
        List<String> changed = source.queryForList("""
                select invoice_number from invoices where status in ('issued', 'paid') and total > 0 and issue_date between ? and ?
                 order by id limit 2""", String.class, from, to);
        changed.forEach(number -> source.update("update invoices set total = total + 10 where invoice_number = ?", number));
        Path downloads = downloads();
        logInAsOperator();
        open("reports.html?from=" + from + "&to=" + to);

        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("reconciliation-counts")), Duration.ofSeconds(60));
        Map<?, ?> report = asOperator().getForObject("/api/reports/reconciliation?from=" + from + "&to=" + to, Map.class);
        assertThat(find(By.id("matched")).getText()).isEqualTo(String.valueOf(report.get("matched")));
        assertThat(find(By.id("differences")).getText()).contains(changed.get(0)).contains("Different");
        screenshot("reports");
        find(By.id("download-reconciliation")).click();

        Path file = downloads.resolve("reconciliation-" + from + "-" + to + ".csv");
        waitFor(driver -> Files.exists(file) ? file : null, Duration.ofSeconds(30));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(String.join(",", Difference.COLUMNS));
        List<?> differences = (List<?>) report.get("differences");
        assertThat(lines).hasSize(1 + differences.size());
        assertThat(differences.stream().map(d -> String.valueOf(((Map<?, ?>) d).get("number"))).toList()).containsAll(changed);
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
