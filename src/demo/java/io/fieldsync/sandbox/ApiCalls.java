package io.fieldsync.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the API calls received, in total and per "METHOD Collection" (e.g. "PUT Invoices"), and
 * keeps the latest few thousand in order, for tests that look at when a call was made again.
 */
final class ApiCalls {
    private static final int KEPT = 5000;
    private final AtomicLong total = new AtomicLong();
    private final Map<String, AtomicLong> byKind = new ConcurrentHashMap<>();
    private final Deque<SandboxCall> latest = new ArrayDeque<>();

    void record(SandboxRequest request) {
        total.incrementAndGet();
        List<String> segments = request.apiSegments();
        String collection = segments.isEmpty() ? "" : segments.get(0);
        String canonical = AccountingApi.canonical(collection);
        byKind.computeIfAbsent(key(request.method(), canonical != null ? canonical : collection), k -> new AtomicLong()).incrementAndGet();
        SandboxCall call = new SandboxCall(Instant.now(), request.method(), canonical != null ? canonical : collection,
                request.header("Idempotency-Key"), request.header("If-Modified-Since"));
        synchronized (latest) {
            latest.addLast(call);
            if (latest.size() > KEPT) {
                latest.removeFirst();
            }
        }
    }

    List<SandboxCall> latest() {
        synchronized (latest) {
            return List.copyOf(latest);
        }
    }

    long total() {
        return total.get();
    }

    long count(String method, String collection) {
        String canonical = AccountingApi.canonical(collection);
        AtomicLong count = byKind.get(key(method.toUpperCase(), canonical != null ? canonical : collection));
        return count == null ? 0 : count.get();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        byKind.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    void reset() {
        total.set(0);
        byKind.clear();
        synchronized (latest) {
            latest.clear();
        }
    }

    private static String key(String method, String collection) {
        return method + " " + collection;
    }
}
