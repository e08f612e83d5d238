package io.fieldsync.bench;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.fieldsync.matching.AllPairsMatcher;
import io.fieldsync.matching.MatchKind;
import io.fieldsync.matching.MatchProposal;
import io.fieldsync.matching.Matcher;
import io.fieldsync.testing.GeneratedCandidates;
import org.junit.jupiter.api.Test;

/**
 * How long matching 20,000 customers against 20,000 Xero contacts takes (the scoring of a matching
 * run, without the reads and writes around it), on seeded generated records with shared names and
 * their variants; and, for the before, scoring every pair ({@link AllPairsMatcher}) on 2,000 x 2,000,
 * a hundredth of the pairs. Run on demand: {@code mvn test -Dtest=MatchingBenchmark}.
 */
class MatchingBenchmark {

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final double THRESHOLD = 0.9; // application.yml's fieldsync.matching.name-threshold

    @Test
    void matching20000Against20000() {
        GeneratedCandidates.Sides large = GeneratedCandidates.contacts(21, 20_000, 20_000);
        for (String round : List.of("first (cold JVM)", "second")) {
            timed("indexed, 20,000 x 20,000, " + round,
                    () -> new Matcher(MatchKind.CONTACTS, THRESHOLD).propose(large.fsm(), large.xero(), Set.of()));
        }
        GeneratedCandidates.Sides small = GeneratedCandidates.contacts(21, 2_000, 2_000);
        timed("indexed, 2,000 x 2,000", () -> new Matcher(MatchKind.CONTACTS, THRESHOLD).propose(small.fsm(), small.xero(), Set.of()));
        double allPairs = timed("every pair, 2,000 x 2,000",
                () -> new AllPairsMatcher(MatchKind.CONTACTS, THRESHOLD).propose(small.fsm(), small.xero(), Set.of()));
        System.out.printf("every pair, 20,000 x 20,000, extrapolated (100 times the pairs): %.0f s%n", allPairs * 100);
    }

    /** Wall-clock seconds, printed with the thread's CPU seconds: on a shared machine the CPU time is the steadier figure. */
    private static double timed(String what, Supplier<List<MatchProposal>> matching) {
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        List<MatchProposal> proposals = matching.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("%s: %.2f s (CPU %.2f s), %d proposals (%d linked, %d similar names)%n", what, seconds, cpuSeconds, proposals.size(),
                proposals.stream().filter(MatchProposal::link).count(),
                proposals.stream().filter(p -> p.reason().startsWith("similar name")).count());
        return seconds;
    }
}
