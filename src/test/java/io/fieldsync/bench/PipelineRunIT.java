package io.fieldsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.fieldsync.testing.messy.MessySize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline benchmark's run, small, as a test of behaviour (no timing): the packaged jar in its
 * own JVM with {@code -Xmx512m} pushes a few thousand messy records to the Xero sandbox in another
 * JVM, and every field-service record ends with an outcome (none left PENDING), none twice, with no
 * 429 from the double and a measurement of every figure the benchmark reports.
 */
class PipelineRunIT {

    private static final Set<String> FINAL_OUTCOMES = Set.of("SYNCED", "FAILED", "SKIPPED");

    @TempDir
    Path workDir;

    @Test
    void everyRecordOfAMessyDataSetGetsItsOutcomeFromTheJarInItsOwnJvm() throws Exception {
        PipelineRun.Figures figures = new PipelineRun(workDir).run(MessySize.ofRecords(2_000), PipelineRun.Limits.NONE, "1g",
                Duration.ofMinutes(10));

        assertThat(figures.runStatus()).isIn("SUCCEEDED", "COMPLETED_WITH_ERRORS");
        assertThat(figures.records()).isGreaterThan(2_000);
        figures.expected().forEach((entity, rows) -> {
            Map<String, Integer> outcomes = figures.outcomes().getOrDefault(entity, Map.of());
            assertThat(outcomes.keySet()).as("%s outcomes", entity).isSubsetOf(FINAL_OUTCOMES);
            assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).as("%s records with an outcome", entity)
                    .isEqualTo(rows);
        });
        assertThat(figures.outcomes().get("invoice")).as("invoices in Xero").containsKey("SYNCED");
        assertThat(figures.rateLimited()).isZero();
        assertThat(figures.calls()).isPositive();
        assertThat(figures.connectorCpuMs()).isPositive();
        assertThat(figures.statements()).isGreaterThan(figures.calls());
        assertThat(figures.peakHeapBytes()).isPositive().isLessThan(512L << 20);
        assertThat(figures.peakRssBytes()).isPositive();
        assertThat(figures.retainedHeapBytes()).isPositive().isLessThan(512L << 20);
    }
}
