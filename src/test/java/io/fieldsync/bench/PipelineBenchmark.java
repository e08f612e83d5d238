package io.fieldsync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import io.fieldsync.testing.messy.MessySize;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the push pipeline measured as a user runs it ({@link PipelineRun}: the packaged jar
 * with {@code -Xmx512m}, the Xero sandbox in another JVM, MariaDB, the messy data set). One
 * command: {@code mvn -P benchmark verify} (packages the jar, then runs this). Scenarios are
 * {@code records@limits} in {@code -Dbench.scenarios}, limits {@code none} (nothing binds but
 * the 5 calls in flight), {@code 1s} or {@code 60s} (Xero's 60 calls a window of that length);
 * each is one full sync into empty databases. The table goes to stdout and is appended to
 * target/benchmark-results.md.
 */
class PipelineBenchmark {

    private static final String SCENARIOS = System.getProperty("bench.scenarios", "10000@none,100000@none,100000@1s,10000@60s");
    private static final Duration TIMEOUT = Duration.ofMinutes(Integer.getInteger("bench.timeout-minutes", 90));
    private static final String DOUBLE_HEAP = System.getProperty("bench.double-heap", "8g");

    @Test
    void pushTheMessyDataSetAsAUserRunsIt() throws Exception {
        Path workDir = Files.createDirectories(Path.of("target", "pipeline-benchmark"));
        List<String> rows = new ArrayList<>();
        for (String scenario : SCENARIOS.split(",")) {
            String[] parts = scenario.trim().split("@");
            MessySize size = MessySize.ofRecords(Integer.parseInt(parts[0]));
            PipelineRun.Limits limits = switch (parts[1]) {
                case "none" -> PipelineRun.Limits.NONE;
                default -> PipelineRun.Limits.xeroPer(Duration.parse("PT" + parts[1].toUpperCase()));
            };
            PipelineRun.Figures figures = new PipelineRun(workDir).run(size, limits, DOUBLE_HEAP, TIMEOUT);
            rows.add(row(figures));
            System.out.println(header() + rows.get(rows.size() - 1));
        }
        String report = String.format("%n## Pipeline, packaged jar -Xmx512m, Xero double out of process, MariaDB, %s%n%n%s%s%n",
                LocalDateTime.now().withNano(0), header(), String.join("", rows));
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-results.md"), report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String header() {
        return "| records | limits | run | with outcome | seconds | records/s | % of floor | 429s | connector CPU ms/record"
                + " | double CPU ms/record | KB allocated/record | peak heap MB | peak heap after young GC MB | heap after run (full GC) MB | peak RSS MB"
                + " | statements/record | DB CPU ms/record | commits/record | data fsyncs/record | calls/record |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    }

    private static String row(PipelineRun.Figures f) {
        double records = f.records();
        return String.format("| %,d | %s | %s | %,d | %.1f | %,.0f | %s | %d | %.3f | %.3f | %.1f | %d | %d | %d | %d | %.2f | %.3f | %.3f | %.3f | %.4f |%n",
                f.records(), f.limits().name() + (f.leanDouble() ? ", lean double" : ""), f.runStatus(), f.withOutcome(), f.seconds(), f.recordsPerSecond(),
                f.limits().bind() ? String.format("%.1f %%", 100 * f.floorSeconds() / f.seconds()) : "n/a",
                f.rateLimited(), f.connectorCpuMs() / records, f.doubleCpuMs() / records, f.allocatedBytes() / 1024.0 / records,
                f.peakHeapBytes() >> 20, f.peakLiveHeapBytes() >> 20, f.retainedHeapBytes() >> 20, f.peakRssBytes() >> 20,
                f.statements() / records, f.dbCpuMs() / records, f.commits() / records, f.logFsyncs() / records,
                f.calls() / records);
    }
}
