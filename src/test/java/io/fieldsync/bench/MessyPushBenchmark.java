package io.fieldsync.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.fieldsync.FieldSyncApplication;
import io.fieldsync.demo.FieldServiceSchema;
import io.fieldsync.runs.SyncRuns;
import io.fieldsync.state.SyncRun;
import io.fieldsync.state.SyncRunRepository;
import io.fieldsync.testing.IntegrationTestDatabases;
import io.fieldsync.testing.MariaDb;
import io.fieldsync.testing.messy.MessyFieldService;
import io.fieldsync.testing.messy.MessySize;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Not a test: the push benchmark on the messy data set at its large size ({@link MessySize#LARGE}:
 * 50,000 invoices that all share five seconds, 5,000 customers with shared names, bad e-mail
 * addresses and the rest). One full sync to the in-process sandbox; reports the records that
 * got an outcome and those synced, run time, records a second and peak heap, and appends them to
 * target/benchmark-results.md. The field-service database is H2 by default, MariaDB with
 * {@code -Dbench.mariadb=true} (where the keyset must hold at microsecond precision).
 * Run it with {@code mvn test -Dtest=MessyPushBenchmark -DargLine=-Xmx6g}; a run that has not
 * ended after {@code -Dbench.timeout-minutes} (default 60) is reported as such.
 */
class MessyPushBenchmark {

    private static final boolean MARIADB = Boolean.getBoolean("bench.mariadb");
    private static final Duration TIMEOUT = Duration.ofMinutes(Integer.getInteger("bench.timeout-minutes", 60));

    @Test
    void pushTheLargeMessyDataSet() throws Exception {
        String sourceUrl;
        DataSource source;
        if (MARIADB) {
            String database = IntegrationTestDatabases.database("bench_messy_source");
            MariaDb.recreate(database);
            sourceUrl = MariaDb.url(database);
            source = new DriverManagerDataSource(sourceUrl, MariaDb.USERNAME, MariaDb.PASSWORD);
        } else {
            sourceUrl = "jdbc:h2:mem:bench-messy-source;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
            source = new DriverManagerDataSource(sourceUrl, "sa", "");
        }
        FieldServiceSchema.create(source);
        long loadStarted = System.nanoTime();
        MessyFieldService.Written written = new MessyFieldService(MessySize.LARGE).writeTo(source);
        double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
        System.gc();
        resetPeakHeap();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FieldSyncApplication.class).run(
                "--server.port=0", "--logging.level.root=WARN", "--logging.level.io.fieldsync=WARN",
                "--fieldsync.demo.sync-at-start=false",
                "--fieldsync.source.url=" + sourceUrl,
                "--fieldsync.source.username=" + (MARIADB ? MariaDb.USERNAME : "sa"),
                "--fieldsync.source.password=" + (MARIADB ? MariaDb.PASSWORD : ""),
                "--spring.datasource.url=jdbc:h2:mem:bench-messy-state;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "--fieldsync.xero.limits.per-window=1000000", "--fieldsync.xero.limits.per-day=100000000",
                "--fieldsync.sync.page-size=1000")) {
            long started = System.nanoTime();
            SyncRun run = app.getBean(SyncRuns.class).start(SyncRun.Trigger.MANUAL, "benchmark", List.of());
            SyncRunRepository runs = app.getBean(SyncRunRepository.class);
            SyncRun finished = runs.findById(run.getId()).orElseThrow();
            long deadline = started + TIMEOUT.toNanos();
            while (finished.getStatus() == SyncRun.Status.RUNNING && System.nanoTime() < deadline) {
                Thread.sleep(500);
                finished = runs.findById(run.getId()).orElseThrow();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            JdbcTemplate state = app.getBean(JdbcTemplate.class);
            Map<String, Integer> byStatus = state.queryForList("select status, count(*) n from record_status group by status")
                    .stream().collect(Collectors.toMap(r -> (String) r.get("status"), r -> ((Number) r.get("n")).intValue()));
            int outcomes = byStatus.values().stream().mapToInt(Integer::intValue).sum();
            String status = finished.getStatus() == SyncRun.Status.RUNNING
                    ? "still RUNNING after " + TIMEOUT.toMinutes() + " min (did not end)"
                    : finished.getStatus() + (finished.getMessage() == null ? "" : " " + finished.getMessage());
            String report = String.format(
                    "%n## Messy data set, large (%s field-service database), %s%n%n"
                            + "Rows written: %s (%,d in %.1f s)%n%n"
                            + "| records with an outcome | synced | failed | skipped | pending | seconds | records/s | peak heap MB | run |%n"
                            + "|---|---|---|---|---|---|---|---|---|%n"
                            + "| %,d | %,d | %,d | %,d | %,d | %.1f | %.0f | %d | %s |%n",
                    MARIADB ? "MariaDB" : "H2", LocalDateTime.now().withNano(0), written, written.total(), loadSeconds,
                    outcomes, byStatus.getOrDefault("SYNCED", 0), byStatus.getOrDefault("FAILED", 0),
                    byStatus.getOrDefault("SKIPPED", 0), byStatus.getOrDefault("PENDING", 0), seconds, outcomes / seconds,
                    peakHeapMb(), status);
            System.out.println(report);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "benchmark-results.md"), report, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
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
