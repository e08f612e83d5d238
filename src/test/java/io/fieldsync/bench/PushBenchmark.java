package io.fieldsync.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.fieldsync.FieldSyncApplication;
import io.fieldsync.runs.SyncRuns;
import io.fieldsync.sandbox.XeroSandbox;
import io.fieldsync.state.SyncRun;
import io.fieldsync.state.SyncRunRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Not a test: the push benchmark. 10,000 customers and 100,000 invoices of 3 lines go through the
 * whole pipeline (SQL pages, mapping, batching, delivery, per-record outcomes) to the in-process
 * Xero sandbox, once without limits and once with Xero's limits on a shrunk clock (a 1-second
 * "minute"). Reports records a second, API calls a record, the share of the theoretical limit and
 * peak heap, and writes them to target/benchmark-results.md. Run it with
 * {@code mvn test -Dtest=PushBenchmark -DargLine=-Xmx6g} (sizes: -Dbench.customers, -Dbench.invoices).
 */
class PushBenchmark {

    private static final int CUSTOMERS = Integer.getInteger("bench.customers", 10_000);
    private static final int INVOICES = Integer.getInteger("bench.invoices", 100_000);

    record Result(String scenario, int records, double seconds, long apiCalls, int perWindow, Duration window,
                  String status, long peakHeapMb) {
        double recordsPerSecond() { return records / seconds; }
        double callsPerRecord() { return (double) apiCalls / records; }
        double shareOfLimit() { return perWindow <= 0 ? Double.NaN : (apiCalls / seconds) / (perWindow / (window.toMillis() / 1000.0)); }
    }

    @Test
    void pushTenThousandContactsAndOneHundredThousandInvoices() throws Exception {
        List<Result> results = new ArrayList<>();
        results.add(run("no limits", 5, 1_000_000, Duration.ofSeconds(60), 100_000_000, 1));
        results.add(run("Xero's limits, 1-second minute", 5, 60, Duration.ofSeconds(1), 5000, 2));
        StringBuilder report = new StringBuilder("| scenario | records | seconds | records/s | API calls | calls/record | share of limit | peak heap MB | run |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            report.append(String.format("| %s | %d | %.1f | %.0f | %d | %.4f | %s | %d | %s |%n", r.scenario(), r.records(),
                    r.seconds(), r.recordsPerSecond(), r.apiCalls(), r.callsPerRecord(),
                    Double.isNaN(r.shareOfLimit()) || r.perWindow() >= 1_000_000 ? "n/a" : String.format("%.0f %%", 100 * r.shareOfLimit()),
                    r.peakHeapMb(), r.status()));
        }
        System.out.println("\nPush benchmark (" + CUSTOMERS + " customers, " + INVOICES + " invoices of 3 lines)\n" + report);
        Files.writeString(Path.of("target", "benchmark-results.md"), report.toString());
    }

    private Result run(String scenario, int concurrent, int perWindow, Duration window, int perDay, int n) throws Exception {
        String sourceUrl = "jdbc:h2:mem:bench-source-" + n + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        Connection keepAlive = DriverManager.getConnection(sourceUrl, "sa", "");
        fill(keepAlive);
        System.gc();
        resetPeakHeap();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FieldSyncApplication.class).run(
                "--server.port=0", "--logging.level.root=WARN", "--logging.level.io.fieldsync=WARN",
                "--fieldsync.source.url=" + sourceUrl, "--fieldsync.source.username=sa",
                "--spring.datasource.url=jdbc:h2:mem:bench-state-" + n + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "--fieldsync.xero.limits.concurrent=" + concurrent, "--fieldsync.xero.limits.per-window=" + perWindow,
                "--fieldsync.xero.limits.window=" + window, "--fieldsync.xero.limits.per-day=" + perDay,
                "--fieldsync.sync.page-size=1000")) {
            XeroSandbox sandbox = app.getBean(XeroSandbox.class);
            long callsBefore = sandbox.apiCalls();
            long started = System.nanoTime();
            SyncRun run = app.getBean(SyncRuns.class).start(SyncRun.Trigger.MANUAL, "benchmark", List.of());
            SyncRunRepository runs = app.getBean(SyncRunRepository.class);
            SyncRun finished = runs.findById(run.getId()).orElseThrow();
            while (finished.getStatus() == SyncRun.Status.RUNNING) {
                Thread.sleep(200);
                finished = runs.findById(run.getId()).orElseThrow();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            int records = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("select count(*) from record_status where status = 'SYNCED'", Integer.class);
            return new Result(scenario, records, seconds, sandbox.apiCalls() - callsBefore, perWindow, window,
                    finished.getStatus() + (finished.getMessage() == null ? "" : " " + finished.getMessage()), peakHeapMb());
        } finally {
            try (Statement statement = keepAlive.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
    }

    /** The benchmark's field-service data: customers, a GST code, 30 materials, issued invoices of 3 lines. */
    private static void fill(Connection connection) throws SQLException {
        new ResourceDatabasePopulator(new ClassPathResource("fieldservice/schema.sql"))
                .execute(new SingleConnectionDataSource(connection, true));
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("insert into tax_codes (id, code, name, rate) values (1, 'GST', 'GST 10%', 10.0000)");
        }
        try (PreparedStatement customer = connection.prepareStatement(
                "insert into customers (id, customer_number, company_name, email, billing_street, billing_city) values (?, ?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= CUSTOMERS; i++) {
                customer.setLong(1, i);
                customer.setString(2, String.format("C%06d", i));
                customer.setString(3, "Customer " + i + " Pty Ltd");
                customer.setString(4, "accounts" + i + "@example.com");
                customer.setString(5, i + " Long Street");
                customer.setString(6, "Sydney");
                customer.addBatch();
            }
            customer.executeBatch();
        }
        try (PreparedStatement material = connection.prepareStatement(
                "insert into materials (id, sku, name, kind, sell_price, cost_price, tax_code_id) values (?, ?, ?, 'part', ?, ?, 1)")) {
            for (int i = 1; i <= 30; i++) {
                material.setLong(1, i);
                material.setString(2, "SKU-" + i);
                material.setString(3, "Material " + i);
                material.setBigDecimal(4, new java.math.BigDecimal(10 + i));
                material.setBigDecimal(5, new java.math.BigDecimal(5 + i));
                material.addBatch();
            }
            material.executeBatch();
        }
        try (PreparedStatement invoice = connection.prepareStatement("insert into invoices (id, invoice_number, customer_id, status,"
                + " issue_date, due_date, subtotal, tax_total, total) values (?, ?, ?, 'issued', ?, ?, ?, ?, ?)");
             PreparedStatement line = connection.prepareStatement("insert into invoice_lines (invoice_id, line_no, material_id,"
                     + " description, quantity, unit_price, tax_code_id, line_total) values (?, ?, ?, ?, ?, ?, 1, ?)")) {
            LocalDate day = LocalDate.of(2026, 10, 1);
            for (int i = 1; i <= INVOICES; i++) {
                java.math.BigDecimal subtotal = java.math.BigDecimal.ZERO;
                java.math.BigDecimal tax = java.math.BigDecimal.ZERO;
                for (int l = 1; l <= 3; l++) {
                    int materialId = 1 + (i + l) % 30;
                    java.math.BigDecimal price = new java.math.BigDecimal(10 + materialId);
                    java.math.BigDecimal quantity = java.math.BigDecimal.valueOf(l);
                    java.math.BigDecimal amount = price.multiply(quantity).setScale(2);
                    subtotal = subtotal.add(amount);
                    tax = tax.add(amount.multiply(new java.math.BigDecimal("0.1")).setScale(2, java.math.RoundingMode.HALF_UP));
                    line.setLong(1, i);
                    line.setInt(2, l);
                    line.setLong(3, materialId);
                    line.setString(4, "Material " + materialId);
                    line.setBigDecimal(5, quantity);
                    line.setBigDecimal(6, price);
                    line.setBigDecimal(7, amount);
                    line.addBatch();
                }
                invoice.setLong(1, i);
                invoice.setString(2, String.format("INV%07d", i));
                invoice.setLong(3, 1 + (i % CUSTOMERS));
                invoice.setObject(4, day.plusDays(i % 28));
                invoice.setObject(5, day.plusDays(14 + i % 28));
                invoice.setBigDecimal(6, subtotal);
                invoice.setBigDecimal(7, tax);
                invoice.setBigDecimal(8, subtotal.add(tax));
                invoice.addBatch();
                if (i % 5000 == 0) {
                    invoice.executeBatch();
                    line.executeBatch();
                }
            }
            invoice.executeBatch();
            line.executeBatch();
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    private static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
