package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.fieldsync.sandbox.SandboxSettings;
import io.fieldsync.sandbox.XeroSandbox;

class RateGovernorTest {

    private static final String TENANT = "tenant-a";
    private static final Function<String, String> NO_HEADERS = name -> null;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** Noon UTC, ticking: a test that counts the day's calls must not see the day end under it (CI once ran at midnight). */
    private static final long NOON = Instant.parse("2026-06-15T12:00:00Z").toEpochMilli();
    private static final long STARTED = System.nanoTime();

    private static RateGovernor governor(int concurrent, int perWindow, Duration window, int perDay) {
        return new RateGovernor(new XeroSettings.Limits(concurrent, perWindow, window, perDay), 0, System::nanoTime,
                () -> NOON + (System.nanoTime() - STARTED) / 1_000_000);
    }

    private static Function<String, String> headers(String... namesAndValues) {
        Map<String, String> map = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map::get;
    }

    /** Sleeps until 5 ms into a fresh window, so a short test runs inside one window. */
    private static void awaitFreshWindow(Duration window) throws InterruptedException {
        long millis = window.toMillis();
        long now = System.currentTimeMillis();
        Thread.sleep(millis - now % millis + 5);
    }

    @Test
    void neverMoreThanConcurrentCallsInFlightUnderTwentyThreads() throws Exception {
        RateGovernor governor = governor(3, 100_000, Duration.ofMinutes(1), 1_000_000);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger mostSeenByGovernor = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            done.add(threads.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    RateGovernor.Permit permit = governor.acquire(TENANT);
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    mostSeenByGovernor.accumulateAndGet(governor.inFlight(TENANT), Math::max);
                    Thread.sleep(2);
                    inFlight.decrementAndGet();
                    governor.completed(permit, 200, NO_HEADERS);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(20, TimeUnit.SECONDS);
        }
        assertThat(most.get()).isEqualTo(3);
        assertThat(mostSeenByGovernor.get()).isLessThanOrEqualTo(3);
        assertThat(governor.inFlight(TENANT)).isZero();
        assertThat(governor.usedToday(TENANT)).isGreaterThanOrEqualTo(200);
    }

    @Test
    void theCallAfterPerWindowWaitsAWindowAfterTheFirstAnswer() throws Exception {
        Duration window = Duration.ofMillis(200);
        RateGovernor governor = governor(10, 3, window, 100_000);
        governor.completed(governor.acquire(TENANT), 200, NO_HEADERS);
        long firstAnswered = System.nanoTime();
        for (int i = 0; i < 2; i++) {
            governor.completed(governor.acquire(TENANT), 200, NO_HEADERS);
        }
        long lastAnswered = System.nanoTime();
        if (lastAnswered - firstAnswered < window.toNanos()) { // not held up past the window
            assertThat(governor.usedInWindow(TENANT)).isEqualTo(3);
        }

        RateGovernor.Permit fourth = governor.acquire(TENANT);

        // Xero may have counted the first call as late as its answer: the fourth arrives a window later at the earliest
        assertThat(fourth.startedAtNanos() - firstAnswered).isGreaterThanOrEqualTo(window.toNanos());
    }

    @Test
    void aWindowStartsAtNoClockEdge() throws Exception {
        Duration window = Duration.ofMillis(300);
        RateGovernor governor = governor(10, 3, window, 100_000);
        awaitFreshWindow(window); // 5 ms into a window aligned to the clock
        Thread.sleep(200);
        long before = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            governor.completed(governor.acquire(TENANT), 200, NO_HEADERS);
        }

        RateGovernor.Permit fourth = governor.acquire(TENANT);

        // the aligned window ended ~100 ms later; a fixed-window count would have let the fourth go there
        assertThat(fourth.startedAtNanos() - before).isGreaterThanOrEqualTo(window.toNanos());
    }

    @Test
    void aMinute429BlocksTheTenantForExactlyRetryAfter() throws Exception {
        RateGovernor governor = governor(5, 1000, Duration.ofMinutes(1), 100_000);
        RateGovernor.Permit permit = governor.acquire(TENANT);
        governor.completed(permit, 429, headers("X-Rate-Limit-Problem", "minute", "Retry-After", "1"));
        long blockedAt = System.nanoTime();

        governor.acquire(TENANT);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - blockedAt);

        assertThat(waitedMillis).isBetween(990L, 1400L);
    }

    @Test
    void aConcurrent429WithoutRetryAfterBlocksForOneSecond() throws Exception {
        RateGovernor governor = governor(5, 1000, Duration.ofMinutes(1), 100_000);
        RateGovernor.Permit permit = governor.acquire(TENANT);
        governor.completed(permit, 429, headers("X-Rate-Limit-Problem", "concurrent"));
        long blockedAt = System.nanoTime();

        Future<Long> next = threads.submit(() -> {
            governor.acquire(TENANT);
            return System.nanoTime();
        });

        Thread.sleep(500);
        assertThat(next.isDone()).isFalse();
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(next.get(3, TimeUnit.SECONDS) - blockedAt);
        assertThat(waitedMillis).isBetween(990L, 1400L);
        assertThat(RateGovernor.isRateLimited(429)).isTrue();
        assertThat(RateGovernor.isRateLimited(200)).isFalse();
        assertThat(RateGovernor.isDailyLimit(429, headers("X-Rate-Limit-Problem", "concurrent"))).isFalse();
    }

    @Test
    void xMinLimitRemainingZeroHoldsTheNextCallAWindow() throws Exception {
        Duration window = Duration.ofMillis(300);
        RateGovernor governor = governor(5, 100, window, 100_000);
        governor.completed(governor.acquire(TENANT), 200, headers("X-MinLimit-Remaining", "0", "X-DayLimit-Remaining", "99000"));
        long answered = System.nanoTime();

        assertThat(governor.usedInWindow(TENANT)).isEqualTo(100); // 99 someone else's, counted by Xero by now
        assertThat(governor.usedToday(TENANT)).isEqualTo(1000);

        RateGovernor.Permit next = governor.acquire(TENANT);
        assertThat(next.startedAtNanos() - answered).isGreaterThanOrEqualTo(window.toNanos());
    }

    @Test
    void ourOwnCallsInFlightAreNotCountedTwiceFromXMinLimitRemaining() throws Exception {
        RateGovernor governor = governor(5, 60, Duration.ofMinutes(1), 5000);
        firstAnswer(governor, 60);
        List<RateGovernor.Permit> permits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            permits.add(governor.acquire(TENANT));
        }
        // Xero saw all five before it answered the first: 54 left, and all six are ours
        governor.completed(permits.get(0), 200, headers("X-MinLimit-Remaining", "54"));
        assertThat(governor.usedInWindow(TENANT)).isEqualTo(6);
        // one more than ours can explain: someone else's call
        governor.completed(permits.get(1), 200, headers("X-MinLimit-Remaining", "53"));
        assertThat(governor.usedInWindow(TENANT)).isEqualTo(7);
    }

    @Test
    void oneCallAtATimeUntilXeroHasAnsweredOnce() throws Exception {
        RateGovernor governor = governor(5, 60, Duration.ofMinutes(1), 5000);
        RateGovernor.Permit first = governor.acquire(TENANT);
        Future<RateGovernor.Permit> second = threads.submit(() -> governor.acquire(TENANT));
        Thread.sleep(200);
        assertThat(second.isDone()).isFalse(); // another node may have used the window: its answer says so first

        // it did: 50 calls in this window are not ours
        governor.completed(first, 200, headers("X-MinLimit-Remaining", "9"));

        second.get(5, TimeUnit.SECONDS);
        for (int i = 0; i < 4; i++) {
            governor.acquire(TENANT); // now five in flight
        }
        assertThat(governor.inFlight(TENANT)).isEqualTo(5);
        assertThat(governor.usedInWindow(TENANT)).isEqualTo(56);
    }

    /** The tenant's first call, answered with what Xero says is left of the window. */
    private static void firstAnswer(RateGovernor governor, int perWindow) throws InterruptedException {
        governor.completed(governor.acquire(TENANT), 200, headers("X-MinLimit-Remaining", String.valueOf(perWindow - 1)));
    }

    @Test
    void remainingHigherThanOurOwnChangesNothing() throws Exception {
        RateGovernor governor = governor(5, 60, Duration.ofMinutes(1), 5000);
        firstAnswer(governor, 60);
        RateGovernor.Permit first = governor.acquire(TENANT);
        governor.acquire(TENANT);
        // Xero answered the first call before it saw the second: 58 left, ours is 57
        governor.completed(first, 200, headers("X-MinLimit-Remaining", "58", "X-DayLimit-Remaining", "4998"));
        assertThat(governor.usedInWindow(TENANT)).isEqualTo(3);
        assertThat(governor.inFlight(TENANT)).isEqualTo(1);
        governor.completed(first, 200, NO_HEADERS); // twice: counts once
        assertThat(governor.inFlight(TENANT)).isEqualTo(1);
    }

    @Test
    void theDailyReserveIsKeptForAcquireReserved() throws Exception {
        long noon = 1_763_726_400_000L; // 2025-11-21T12:00:00Z
        AtomicLong epochMillis = new AtomicLong(noon);
        RateGovernor governor = new RateGovernor(new XeroSettings.Limits(10, 1000, Duration.ofMinutes(1), 20), 0,
                System::nanoTime, epochMillis::get);
        assertThat(governor.dailyReserve()).isEqualTo(2); // a tenth when 0
        for (int i = 0; i < 18; i++) {
            governor.completed(governor.acquire(TENANT), 200, NO_HEADERS);
        }

        assertThatThrownBy(() -> governor.acquire(TENANT))
                .isInstanceOf(DailyLimitReachedException.class)
                .hasMessageStartingWith("daily Xero API budget used up, 18 calls used, resets at 2025-11-22T00:00:00Z")
                .satisfies(e -> assertThat(((DailyLimitReachedException) e).resetsAt()).isEqualTo(Instant.parse("2025-11-22T00:00:00Z")));
        governor.completed(governor.acquireReserved(TENANT), 200, NO_HEADERS);
        governor.completed(governor.acquireReserved(TENANT), 200, NO_HEADERS);
        assertThatThrownBy(() -> governor.acquireReserved(TENANT))
                .isInstanceOf(DailyLimitReachedException.class)
                .hasMessageContaining("20 calls used");
        assertThat(governor.usedToday(TENANT)).isEqualTo(20);

        epochMillis.set(Instant.parse("2025-11-22T00:00:01Z").toEpochMilli());
        governor.acquire(TENANT);
        assertThat(governor.usedToday(TENANT)).isEqualTo(1);
    }

    @Test
    void anExplicitReserveAndXDayLimitRemainingAreKept() throws Exception {
        RateGovernor governor = new RateGovernor(new XeroSettings.Limits(10, 1000, Duration.ofHours(1), 1000), 50,
                System::nanoTime, () -> 1_763_726_400_000L);
        assertThat(governor.dailyReserve()).isEqualTo(50);
        governor.completed(governor.acquire(TENANT), 200, headers("X-DayLimit-Remaining", "60"));
        assertThat(governor.usedToday(TENANT)).isEqualTo(940);
        for (int i = 0; i < 10; i++) {
            governor.completed(governor.acquire(TENANT), 200, NO_HEADERS);
        }
        assertThatThrownBy(() -> governor.acquire(TENANT)).isInstanceOf(DailyLimitReachedException.class)
                .hasMessageContaining("950 calls used");
    }

    @Test
    void aDaily429MakesTheNextAcquireThrowAtOnce() throws Exception {
        RateGovernor governor = governor(5, 1000, Duration.ofMinutes(1), 5000);
        Function<String, String> daily = headers("X-Rate-Limit-Problem", "daily", "Retry-After", "3600");
        assertThat(RateGovernor.isDailyLimit(429, daily)).isTrue();
        assertThat(RateGovernor.isDailyLimit(200, daily)).isFalse();

        governor.completed(governor.acquire(TENANT), 429, daily);

        long before = System.nanoTime();
        assertThatThrownBy(() -> governor.acquire(TENANT)).isInstanceOf(DailyLimitReachedException.class)
                .hasMessageStartingWith("daily Xero API budget used up, 1 calls used, resets at ");
        assertThatThrownBy(() -> governor.acquireReserved(TENANT)).isInstanceOf(DailyLimitReachedException.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isLessThan(200);
        assertThat(governor.acquire("tenant-b")).isNotNull();
    }

    @Test
    void tenantsAreIndependent() throws Exception {
        RateGovernor governor = governor(1, 1, Duration.ofMinutes(1), 1000);
        RateGovernor.Permit a = governor.acquire(TENANT);
        Future<RateGovernor.Permit> secondA = threads.submit(() -> governor.acquire(TENANT));

        long before = System.nanoTime();
        RateGovernor.Permit b = governor.acquire("tenant-b");
        governor.completed(b, 429, headers("X-Rate-Limit-Problem", "minute", "Retry-After", "30"));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isLessThan(200);

        Thread.sleep(200);
        assertThat(secondA.isDone()).isFalse(); // tenant a: one in flight, window used
        assertThat(governor.inFlight(TENANT)).isEqualTo(1);
        assertThat(governor.inFlight("tenant-b")).isZero();
        assertThat(governor.usedInWindow("tenant-b")).isEqualTo(1);

        governor.completed(a, 200, NO_HEADERS);
        assertThat(governor.inFlight(TENANT)).isZero();
        secondA.cancel(true); // interrupted while waiting: nothing counted
        Thread.sleep(50);
        assertThat(governor.inFlight(TENANT)).isZero();
        assertThat(governor.usedToday(TENANT)).isEqualTo(1);
        assertThat(governor.acquire("tenant-c").tenantId()).isEqualTo("tenant-c");
    }

    @Test
    void fortyCallsFromEightThreadsToTheSandboxGetNo429() throws Exception {
        Duration window = Duration.ofSeconds(1);
        XeroSandbox sandbox = new XeroSandbox(SandboxSettings.defaults().withLimits(5, 10, window, 1000));
        sandbox.start();
        try {
            String token = sandbox.issueAccessToken();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            RateGovernor governor = governor(5, 10, window, 1000);
            String tenantId = sandbox.tenantId();
            HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.apiUrl() + "/Organisation"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .header("xero-tenant-id", tenantId)
                    .GET().build();
            AtomicInteger left = new AtomicInteger(40);
            List<Integer> statuses = new CopyOnWriteArrayList<>();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(threads.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        RateGovernor.Permit permit = governor.acquire(tenantId);
                        HttpResponse<String> answer = null;
                        try {
                            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                            statuses.add(answer.statusCode());
                        } finally {
                            HttpResponse<String> answered = answer;
                            governor.completed(permit, answered == null ? 0 : answered.statusCode(),
                                    name -> answered == null ? null : answered.headers().firstValue(name).orElse(null));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(20, TimeUnit.SECONDS);
            }

            assertThat(statuses).hasSize(40).containsOnly(200);
            assertThat(sandbox.apiCalls()).isEqualTo(40);
            assertThat(governor.inFlight(tenantId)).isZero();
            assertThat(governor.usedToday(tenantId)).isGreaterThanOrEqualTo(40);
        } finally {
            sandbox.close();
        }
    }
}
