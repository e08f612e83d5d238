package io.fieldsync.xero;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.fieldsync.sandbox.XeroSandbox;

/**
 * Drives calls through a rate governor to a running {@link XeroSandbox} as fast as its producers
 * can (more producers than calls allowed in flight), as XeroGet does it: a permit, the HTTP call,
 * the permit back with Xero's answer. A 429 is counted and the call made again, so {@code calls}
 * calls succeed in the end. For the governor's tests and {@code GovernorBenchmark}.
 */
public final class GovernedCalls {

    /**
     * What happened: {@code elapsedNanos} from the first call's start (its permit) to the last answer,
     * {@code lastCallNanos} the own time (start to answer) of the call started last.
     */
    public record Outcome(int calls, int rateLimited, long elapsedNanos, long lastCallNanos, long meanCallNanos) {

        /**
         * The least time Xero's limits allow for these calls. A rolling window lets call i+W start no
         * earlier than T after call i, so the last call starts at least floor((N-1)/W)·T after the first,
         * and the run ends no earlier than its answer: floor((N-1)/W)·T + its own time. With calls so
         * slow that C in flight cannot fill a window, ceil(N/C) rounds of a mean call bound it instead.
         */
        public long floorNanos(int perWindow, Duration window, int concurrent) {
            long windows = (long) ((calls - 1) / perWindow) * window.toNanos() + lastCallNanos;
            long rounds = (long) Math.ceil((double) calls / concurrent) * meanCallNanos;
            return Math.max(windows, rounds);
        }

        /** elapsed / floor: 1.0 is as fast as Xero allows; above 1.0 would be faster than Xero allows. */
        public double shareOfFloor(int perWindow, Duration window, int concurrent) {
            return (double) floorNanos(perWindow, window, concurrent) / elapsedNanos;
        }
    }

    private GovernedCalls() {
    }

    /** {@code calls} GET /Organisation calls to the sandbox's organisation from {@code producers} threads. */
    public static Outcome drive(RateGovernor governor, XeroSandbox sandbox, int calls, int producers) throws Exception {
        String tenantId = sandbox.tenantId();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.apiUrl() + "/Organisation"))
                .header("Authorization", "Bearer " + sandbox.issueAccessToken())
                .header("Accept", "application/json")
                .header("xero-tenant-id", tenantId)
                .timeout(Duration.ofSeconds(30))
                .GET().build();
        AtomicInteger left = new AtomicInteger(calls);
        AtomicInteger rateLimited = new AtomicInteger();
        long[] firstStart = {Long.MAX_VALUE};
        long[] lastStart = {Long.MIN_VALUE};
        long[] lastEnd = {Long.MIN_VALUE};
        AtomicLong lastCall = new AtomicLong();
        AtomicLong callNanos = new AtomicLong();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(producers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < producers; t++) {
                done.add(threads.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        while (true) {
                            RateGovernor.Permit permit = governor.acquire(tenantId);
                            long start = permit.startedAtNanos(); // the governor's clock is System.nanoTime
                            HttpResponse<String> answer = null;
                            long end;
                            try {
                                answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                            } finally {
                                end = System.nanoTime(); // before the governor hears of it: the floor stays a floor
                                HttpResponse<String> answerRead = answer;
                                governor.completed(permit, answerRead == null ? 0 : answerRead.statusCode(),
                                        name -> answerRead == null ? null : answerRead.headers().firstValue(name).orElse(null));
                            }
                            callNanos.addAndGet(end - start);
                            answered.incrementAndGet();
                            synchronized (lastEnd) {
                                if (firstStart[0] == Long.MAX_VALUE || start - firstStart[0] < 0) {
                                    firstStart[0] = start;
                                }
                                if (lastEnd[0] == Long.MIN_VALUE || end - lastEnd[0] > 0) {
                                    lastEnd[0] = end;
                                }
                                if (lastStart[0] == Long.MIN_VALUE || start - lastStart[0] > 0) {
                                    lastStart[0] = start;
                                    lastCall.set(end - start);
                                }
                            }
                            if (answer.statusCode() != 429) {
                                break;
                            }
                            rateLimited.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(1, TimeUnit.HOURS);
            }
        } finally {
            threads.shutdownNow();
        }
        return new Outcome(calls, rateLimited.get(), lastEnd[0] - firstStart[0], lastCall.get(),
                callNanos.get() / Math.max(1, answered.get()));
    }
}
