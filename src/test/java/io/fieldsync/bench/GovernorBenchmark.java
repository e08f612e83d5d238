package io.fieldsync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.fieldsync.sandbox.SandboxSettings;
import io.fieldsync.sandbox.XeroSandbox;
import io.fieldsync.xero.GovernedCalls;
import io.fieldsync.xero.RateGovernor;
import io.fieldsync.xero.XeroSettings;
import org.junit.jupiter.api.Test;

/**
 * Not a test: how close the rate governor alone comes to Xero's limits. Producers faster than the
 * limit (16 threads) send GET /Organisation through the real governor to the in-process sandbox,
 * which counts every call as Xero does; reported: elapsed time against the floor Xero's limits
 * allow ({@link GovernedCalls.Outcome#floorNanos}) and the 429s. Scenarios: Xero's limits on a
 * 1-second window with quick calls and with calls of 40 ms (as long as a batch on this machine),
 * and on Xero's own 60-second window (a few minutes; asked for with -Dbench.scenarios=quick,slow,minute,
 * the default being quick,slow). Run it with {@code mvn test -Dtest=GovernorBenchmark} (sizes:
 * -Dbench.calls, -Dbench.minute-calls);
 * results also go to target/governor-benchmark.md.
 */
class GovernorBenchmark {

    private static final int CONCURRENT = 5;
    private static final int PER_WINDOW = 60;
    private static final int PER_DAY = 5000;
    private static final int PRODUCERS = 16;

    record Result(String scenario, Duration window, int calls, GovernedCalls.Outcome outcome) {
        String row() {
            double elapsed = outcome.elapsedNanos() / 1e9;
            double floor = outcome.floorNanos(PER_WINDOW, window, CONCURRENT) / 1e9;
            return String.format("| %s | %d | %.2f | %.2f | %.1f %% | %d | %.1f |", scenario, calls, elapsed, floor,
                    100 * outcome.shareOfFloor(PER_WINDOW, window, CONCURRENT), outcome.rateLimited(),
                    outcome.meanCallNanos() / 1e6);
        }
    }

    @Test
    void governorAgainstTheFloor() throws Exception {
        int calls = Integer.getInteger("bench.calls", 2000);
        List<String> scenarios = List.of(System.getProperty("bench.scenarios", "quick,slow").split(","));
        List<Result> results = new ArrayList<>();
        if (scenarios.contains("quick")) {
            results.add(run("1-s window, quick calls", Duration.ofSeconds(1), calls, Duration.ZERO));
        }
        if (scenarios.contains("slow")) {
            results.add(run("1-s window, 40 ms calls", Duration.ofSeconds(1), calls, Duration.ofMillis(40)));
        }
        if (scenarios.contains("minute")) {
            results.add(run("60-s window, quick calls", Duration.ofSeconds(60), Integer.getInteger("bench.minute-calls", 200),
                    Duration.ZERO));
        }
        StringBuilder report = new StringBuilder("| scenario | calls | seconds | floor s | % of floor | 429s | mean call ms |\n"
                + "|---|---|---|---|---|---|---|\n");
        results.forEach(r -> report.append(r.row()).append('\n'));
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "governor-benchmark.md"), report.toString());
    }

    private static Result run(String scenario, Duration window, int calls, Duration callDelay) throws Exception {
        try (XeroSandbox sandbox = new XeroSandbox(SandboxSettings.defaults().withLimits(CONCURRENT, PER_WINDOW, window, PER_DAY))) {
            sandbox.start();
            if (!callDelay.isZero()) {
                sandbox.faults().on("GET", "/Organisation").delay(callDelay);
            }
            XeroSettings.Limits limits = new XeroSettings.Limits(CONCURRENT, PER_WINDOW, window, PER_DAY);
            RateGovernor governor = new RateGovernor(new XeroSettings(null, null, null, null, null, null, null, null, null, limits));
            GovernedCalls.Outcome outcome = GovernedCalls.drive(governor, sandbox, calls, PRODUCERS);
            Result result = new Result(scenario, window, calls, outcome);
            System.out.println(result.row());
            return result;
        }
    }
}
