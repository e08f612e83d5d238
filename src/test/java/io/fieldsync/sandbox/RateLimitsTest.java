package io.fieldsync.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** Each test runs its own sandbox with shrunken limits; windows of 2 s keep them fast. */
class RateLimitsTest {
    private XeroSandbox sandbox;

    private SandboxClient start(int concurrent, int perWindow, Duration window, int perDay) {
        sandbox = new XeroSandbox(SandboxSettings.defaults().withLimits(concurrent, perWindow, window, perDay));
        sandbox.start();
        return new SandboxClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void everyAnswerCarriesTheRemainingLimits() {
        SandboxClient client = start(5, 60, Duration.ofMinutes(1), 5000);
        HttpResponse<String> first = client.get("/Contacts");
        HttpResponse<String> second = client.get("/Contacts");
        assertThat(first.headers().firstValue("X-MinLimit-Remaining")).hasValue("59");
        assertThat(second.headers().firstValue("X-MinLimit-Remaining")).hasValue("58");
        assertThat(second.headers().firstValue("X-DayLimit-Remaining")).hasValue("4998");
        assertThat(second.headers().firstValue("X-AppMinLimit-Remaining")).hasValue("9998");
    }

    @Test
    void callsBeyondThePerWindowLimitGet429MinuteWithRetryAfterUntilTheOldestLeavesTheWindow() throws Exception {
        SandboxClient client = start(5, 3, Duration.ofSeconds(2), 5000);
        awaitFreshWindow(Duration.ofSeconds(2));
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/Contacts").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = client.get("/Contacts");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("X-Rate-Limit-Problem")).hasValue("minute");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 2L);
        Thread.sleep(retryAfter * 1000);
        assertThat(client.get("/Contacts").statusCode()).isEqualTo(200);
    }

    @Test
    void theWindowRollsSoANewFixedWindowBringsNoFreshCalls() throws Exception {
        SandboxClient client = start(5, 3, Duration.ofSeconds(2), 5000);
        client.get("/Contacts"); // the first call is slow (connection, warm-up): out of the timed part
        Thread.sleep(2050);
        long first = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/Contacts").statusCode()).isEqualTo(200);
        }
        long third = System.nanoTime(); // all three arrived before this
        Thread.sleep(1200); // past a 2-s boundary half the time: a fixed window would take calls again
        HttpResponse<String> refused = client.get("/Contacts");
        if (System.nanoTime() - first < Duration.ofMillis(1900).toNanos()) { // not held up past the window
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("X-Rate-Limit-Problem")).hasValue("minute");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        }
        Thread.sleep(Math.max(0, Duration.ofMillis(2050).toMillis() - (System.nanoTime() - third) / 1_000_000));
        HttpResponse<String> admitted = client.get("/Contacts");
        assertThat(admitted.statusCode()).isEqualTo(200);
        assertThat(admitted.headers().firstValue("X-MinLimit-Remaining")).hasValue("2"); // the first three left together
    }

    @Test
    void callsBeyondTheDailyLimitGet429Daily() throws Exception {
        SandboxClient client = start(5, 60, Duration.ofSeconds(60), 2);
        awaitOutOfTheDaysLastSeconds();
        client.get("/Contacts");
        client.get("/Contacts");
        HttpResponse<String> refused = client.get("/Contacts");
        long secondsToMidnight = Duration.between(Instant.now(), Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1))).toSeconds();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("X-Rate-Limit-Problem")).hasValue("daily");
        assertThat(refused.headers().firstValue("X-DayLimit-Remaining")).hasValue("0");
        // Xero's day is fixed (UTC): the refusal says when it ends
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(secondsToMidnight - 2, secondsToMidnight + 2);
    }

    @Test
    void moreCallsInFlightThanAllowedGet429Concurrent() throws Exception {
        SandboxClient client = start(2, 60, Duration.ofMinutes(1), 5000);
        sandbox.faults().on("GET", "/Contacts").delay(Duration.ofMillis(700));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> client.get("/Contacts"), pool));
            }
            List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();
            assertThat(answers).filteredOn(r -> r.statusCode() == 200).hasSize(2);
            assertThat(answers).filteredOn(r -> r.statusCode() == 429).hasSize(2)
                    .allSatisfy(r -> assertThat(r.headers().firstValue("X-Rate-Limit-Problem")).hasValue("concurrent"));
        } finally {
            pool.shutdownNow();
        }
        sandbox.faults().clear();
        assertThat(client.get("/Contacts").statusCode()).isEqualTo(200);
    }

    /** Three calls must fall in one day: a run in the day's last seconds (CI once ran at midnight) waits for the next. */
    private static void awaitOutOfTheDaysLastSeconds() throws InterruptedException {
        long untilMidnight = Duration.between(Instant.now(), Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1))).toMillis();
        if (untilMidnight < 10_000) {
            Thread.sleep(untilMidnight + 50);
        }
    }

    /** Starts the test just after a window boundary so its calls fall in one window. */
    private static void awaitFreshWindow(Duration window) throws InterruptedException {
        long millis = window.toMillis();
        long intoWindow = System.currentTimeMillis() % millis;
        if (intoWindow > millis / 4) {
            Thread.sleep(millis - intoWindow + 20);
        }
    }
}
