package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.fieldsync.sandbox.SandboxSettings;
import io.fieldsync.sandbox.XeroSandbox;

/**
 * The rate governor driven by producers faster than Xero's limits (16 threads, 5 calls allowed in
 * flight, 60 a 1-second window) against the in-process sandbox, which counts as Xero does (a rolling
 * window, calls counted on arrival). Asserts behaviour only: no 429, and never faster than the limits
 * allow. How close to that floor it comes is GovernorBenchmark's measurement, not an assertion here.
 */
class RateGovernorAtFullUseTest {

    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final int CONCURRENT = 5;
    private static final int PER_WINDOW = 60;
    private static final int PER_DAY = 5000;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private static RateGovernor governor() {
        return new RateGovernor(new XeroSettings.Limits(CONCURRENT, PER_WINDOW, WINDOW, PER_DAY), 0,
                System::nanoTime, System::currentTimeMillis);
    }

    private static XeroSandbox sandbox(String tenantId) {
        XeroSandbox sandbox = new XeroSandbox(new SandboxSettings(0, "sandbox-client", "sandbox-secret", tenantId,
                CONCURRENT, PER_WINDOW, WINDOW, PER_DAY));
        sandbox.start();
        return sandbox;
    }

    @Test
    void sixHundredCallsFromProducersFasterThanTheLimitGetNo429AndNeverBeatTheFloor() throws Exception {
        try (XeroSandbox xero = sandbox(SandboxSettings.DEFAULT_TENANT_ID)) {
            RateGovernor governor = governor();

            GovernedCalls.Outcome outcome = GovernedCalls.drive(governor, xero, 600, 16);

            assertThat(outcome.rateLimited()).as("429s").isZero();
            assertThat(xero.apiCalls()).isEqualTo(600);
            assertThat(outcome.elapsedNanos()).as("elapsed against floor((N-1)/W)·T + the last call's own time")
                    .isGreaterThanOrEqualTo(outcome.floorNanos(PER_WINDOW, WINDOW, CONCURRENT));
            assertThat(governor.inFlight(xero.tenantId())).isZero();
        }
    }

    @Test
    void twoOrganisationsThroughOneGovernorEachGetTheirOwnWindow() throws Exception {
        try (XeroSandbox first = sandbox(SandboxSettings.DEFAULT_TENANT_ID);
             XeroSandbox second = sandbox("5c2f7a10-9d3e-4b8a-a1f4-6e0b9c7d2a34")) {
            RateGovernor governor = governor();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger mostCountedTogether = new AtomicInteger();
            Future<?> watch = threads.submit(() -> {
                while (running.get()) {
                    mostCountedTogether.accumulateAndGet(
                            governor.usedInWindow(first.tenantId()) + governor.usedInWindow(second.tenantId()), Math::max);
                    Thread.sleep(1);
                }
                return null;
            });
            Future<GovernedCalls.Outcome> firstRun = threads.submit(() -> GovernedCalls.drive(governor, first, 240, 16));
            Future<GovernedCalls.Outcome> secondRun = threads.submit(() -> GovernedCalls.drive(governor, second, 240, 16));
            GovernedCalls.Outcome firstOutcome = firstRun.get(2, TimeUnit.MINUTES);
            GovernedCalls.Outcome secondOutcome = secondRun.get(2, TimeUnit.MINUTES);
            running.set(false);
            watch.get(10, TimeUnit.SECONDS);

            assertThat(firstOutcome.rateLimited()).as("429s of the first").isZero();
            assertThat(secondOutcome.rateLimited()).as("429s of the second").isZero();
            assertThat(first.apiCalls()).isEqualTo(240);
            assertThat(second.apiCalls()).isEqualTo(240);
            // one window shared by both would never hold more than 60 calls of the two together
            assertThat(mostCountedTogether.get()).isGreaterThan(PER_WINDOW);
            assertThat(firstOutcome.elapsedNanos()).isGreaterThanOrEqualTo(firstOutcome.floorNanos(PER_WINDOW, WINDOW, CONCURRENT));
            assertThat(secondOutcome.elapsedNanos()).isGreaterThanOrEqualTo(secondOutcome.floorNanos(PER_WINDOW, WINDOW, CONCURRENT));
        }
    }
}
