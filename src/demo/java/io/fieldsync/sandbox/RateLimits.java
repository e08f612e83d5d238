package io.fieldsync.sandbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Xero's limits per tenant in fixed windows aligned to the clock: calls in flight, calls per
 * window (a minute at Xero), calls per day (1,440 windows), plus the app-wide 10,000 a window.
 * A refused call does not count.
 */
final class RateLimits {
    static final int APP_PER_WINDOW = 10_000;

    /** The outcome of asking for a slot: granted with what remains, or refused with the problem. */
    record Decision(boolean granted, String problem, long retryAfterSeconds,
                    int windowRemaining, int dayRemaining, int appRemaining) {
    }

    private static final class Usage {
        int inFlight;
        long window = -1;
        int windowCalls;
        long day = -1;
        int dayCalls;
    }

    private final SandboxSettings settings;
    private final Clock clock;
    private final Map<String, Usage> tenants = new HashMap<>();
    private long appWindow = -1;
    private int appCalls;

    RateLimits(SandboxSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    synchronized Decision acquire(String tenantId) {
        long now = clock.millis();
        long windowMillis = settings.window().toMillis();
        long dayMillis = settings.day().toMillis();
        long window = now / windowMillis;
        long day = now / dayMillis;
        Usage usage = tenants.computeIfAbsent(tenantId, t -> new Usage());
        if (usage.window != window) {
            usage.window = window;
            usage.windowCalls = 0;
        }
        if (usage.day != day) {
            usage.day = day;
            usage.dayCalls = 0;
        }
        if (appWindow != window) {
            appWindow = window;
            appCalls = 0;
        }
        long windowRetry = seconds((window + 1) * windowMillis - now);
        if (usage.inFlight >= settings.concurrentLimit()) {
            return refused(usage, "concurrent", 1);
        }
        if (usage.windowCalls >= settings.perWindowLimit()) {
            return refused(usage, "minute", windowRetry);
        }
        if (usage.dayCalls >= settings.perDayLimit()) {
            return refused(usage, "daily", seconds((day + 1) * dayMillis - now));
        }
        if (appCalls >= APP_PER_WINDOW) {
            return refused(usage, "appminute", windowRetry);
        }
        usage.inFlight++;
        usage.windowCalls++;
        usage.dayCalls++;
        appCalls++;
        return new Decision(true, null, 0, remainingWindow(usage), remainingDay(usage), APP_PER_WINDOW - appCalls);
    }

    synchronized void release(String tenantId) {
        Usage usage = tenants.get(tenantId);
        if (usage != null && usage.inFlight > 0) {
            usage.inFlight--;
        }
    }

    synchronized void reset() {
        tenants.clear();
        appWindow = -1;
        appCalls = 0;
    }

    private Decision refused(Usage usage, String problem, long retryAfter) {
        return new Decision(false, problem, retryAfter, remainingWindow(usage), remainingDay(usage), APP_PER_WINDOW - appCalls);
    }

    private int remainingWindow(Usage usage) {
        return Math.max(0, settings.perWindowLimit() - usage.windowCalls);
    }

    private int remainingDay(Usage usage) {
        return Math.max(0, settings.perDayLimit() - usage.dayCalls);
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
