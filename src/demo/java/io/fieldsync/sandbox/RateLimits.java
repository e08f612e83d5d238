package io.fieldsync.sandbox;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Xero's limits per tenant: calls in flight, calls per window (a minute at Xero), calls per day
 * (1,440 windows, fixed days aligned to the clock), plus the app-wide 10,000 a window. The window
 * rolls: a call is refused while the window ending at its arrival already holds the limit's calls.
 * Xero does not say whether its minute is fixed or rolling; rolling is the stricter of the two
 * (whatever a rolling window accepts, a fixed one accepts too), so a client that passes here passes
 * there, wherever Xero's minute happens to start. A refused call does not count.
 */
final class RateLimits {
    static final int APP_PER_WINDOW = 10_000;

    /** The outcome of asking for a slot: granted with what remains, or refused with the problem. */
    record Decision(boolean granted, String problem, long retryAfterSeconds,
                    int windowRemaining, int dayRemaining, int appRemaining) {
    }

    private static final class Usage {
        int inFlight;
        final RollingWindow window = new RollingWindow();
        long day = -1;
        int dayCalls;
    }

    /** Arrival times (clock millis) of the calls counted in the window that ends now. */
    private static final class RollingWindow {
        private final ArrayDeque<Long> arrivals = new ArrayDeque<>();

        /** The calls that arrived within the last {@code windowMillis}, as of {@code now}. */
        int calls(long now, long windowMillis) {
            while (!arrivals.isEmpty() && arrivals.peekFirst() <= now - windowMillis) {
                arrivals.pollFirst();
            }
            return arrivals.size();
        }

        void count(long now) {
            arrivals.addLast(now);
        }

        /** Until the oldest counted call leaves the window, making room for one more. */
        long millisUntilRoom(long now, long windowMillis) {
            Long oldest = arrivals.peekFirst();
            return oldest == null ? 0 : oldest + windowMillis - now;
        }
    }

    private final SandboxSettings settings;
    private final Clock clock;
    private final Map<String, Usage> tenants = new HashMap<>();
    private final RollingWindow app = new RollingWindow();

    RateLimits(SandboxSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    synchronized Decision acquire(String tenantId) {
        long now = clock.millis();
        long windowMillis = settings.window().toMillis();
        long dayMillis = settings.day().toMillis();
        long day = now / dayMillis;
        Usage usage = tenants.computeIfAbsent(tenantId, t -> new Usage());
        if (usage.day != day) {
            usage.day = day;
            usage.dayCalls = 0;
        }
        int windowCalls = usage.window.calls(now, windowMillis);
        int appCalls = app.calls(now, windowMillis);
        if (usage.inFlight >= settings.concurrentLimit()) {
            return refused(windowCalls, usage, appCalls, "concurrent", 1);
        }
        if (windowCalls >= settings.perWindowLimit()) {
            return refused(windowCalls, usage, appCalls, "minute", seconds(usage.window.millisUntilRoom(now, windowMillis)));
        }
        if (usage.dayCalls >= settings.perDayLimit()) {
            return refused(windowCalls, usage, appCalls, "daily", seconds((day + 1) * dayMillis - now));
        }
        if (appCalls >= APP_PER_WINDOW) {
            return refused(windowCalls, usage, appCalls, "appminute", seconds(app.millisUntilRoom(now, windowMillis)));
        }
        usage.inFlight++;
        usage.window.count(now);
        usage.dayCalls++;
        app.count(now);
        return new Decision(true, null, 0, remaining(windowCalls + 1), remainingDay(usage), APP_PER_WINDOW - appCalls - 1);
    }

    synchronized void release(String tenantId) {
        Usage usage = tenants.get(tenantId);
        if (usage != null && usage.inFlight > 0) {
            usage.inFlight--;
        }
    }

    synchronized void reset() {
        tenants.clear();
        app.arrivals.clear();
    }

    private Decision refused(int windowCalls, Usage usage, int appCalls, String problem, long retryAfter) {
        return new Decision(false, problem, retryAfter, remaining(windowCalls), remainingDay(usage), APP_PER_WINDOW - appCalls);
    }

    private int remaining(int windowCalls) {
        return Math.max(0, settings.perWindowLimit() - windowCalls);
    }

    private int remainingDay(Usage usage) {
        return Math.max(0, settings.perDayLimit() - usage.dayCalls);
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
