package io.fieldsync.xero;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps every call to Xero within Xero's limits per organisation, for all routes and threads of
 * this application: calls in flight, calls per fixed window (a minute at Xero, windows aligned to
 * the clock), and calls per day (1,440 windows, so midnight UTC at Xero). A share of the day,
 * {@code fieldsync.xero.limits.daily-reserve} (default a tenth), is kept for calls an operator
 * triggers, so a sync that burns the day still leaves room to look and fix.
 *
 * <p>Each call is {@link #acquire(String) acquired} before it is sent and {@link #completed
 * completed} with Xero's answer, whose headers correct the counts when another app or node used
 * some of the limits, and whose 429s pause the organisation for exactly Retry-After.
 */
@Component("rateGovernor")
public class RateGovernor {

    static final String MIN_REMAINING = "X-MinLimit-Remaining";
    static final String DAY_REMAINING = "X-DayLimit-Remaining";
    static final String PROBLEM = "X-Rate-Limit-Problem";
    static final String RETRY_AFTER = "Retry-After";

    private static final int WINDOWS_PER_DAY = 1440;
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    /** Upper bound of the window edge below, so a one-minute window loses at most a second's worth. */
    private static final long MAX_EDGE_MILLIS = 1000;

    /** How the governor waits; tests pass one that moves a fake clock instead of sleeping. */
    interface Sleeper {
        /**
         * Waits on {@code changed}, whose lock the caller holds, for at most {@code millis}, or until
         * signalled when {@code millis} is negative. May return early: the caller checks again.
         */
        void await(Condition changed, long millis) throws InterruptedException;

        Sleeper REAL = (changed, millis) -> {
            if (millis < 0) {
                changed.await();
            } else {
                changed.await(millis, TimeUnit.MILLISECONDS);
            }
        };
    }

    /** One call allowed to go to Xero; hand it back to {@link #completed} whatever the outcome. */
    public static final class Permit {
        private final String tenantId;
        private final long window;
        private final long day;
        private final AtomicBoolean open = new AtomicBoolean(true);

        Permit(String tenantId, long window, long day) {
            this.tenantId = tenantId;
            this.window = window;
            this.day = day;
        }

        public String tenantId() {
            return tenantId;
        }

        boolean close() {
            return open.compareAndSet(true, false);
        }

        @Override
        public String toString() {
            return "Permit[" + tenantId + ", window " + window + "]";
        }
    }

    /** One organisation's counts; guarded by its own lock, so organisations never wait on each other. */
    private static final class TenantState {
        final ReentrantLock lock = new ReentrantLock();
        final Condition changed = lock.newCondition();
        int inFlight;
        long window = Long.MIN_VALUE;
        int windowCalls;
        /** Calls started at the very end of the current window, counted in the next one as well. */
        int carriedIntoNext;
        long day = Long.MIN_VALUE;
        int dayCalls;
        long blockedUntil = Long.MIN_VALUE;
        long dayExhaustedUntil = Long.MIN_VALUE;
    }

    private final XeroSettings.Limits limits;
    private final int dailyReserve;
    private final long windowMillis;
    private final long dayMillis;
    private final long edgeMillis;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ConcurrentMap<String, TenantState> tenants = new ConcurrentHashMap<>();
    /** Xero's app-wide limit ("appminute") pauses every organisation. */
    private final AtomicLong appBlockedUntil = new AtomicLong(Long.MIN_VALUE);

    /** @param dailyReserve calls a day kept for operators; {@code null}: a tenth of the daily limit */
    @Autowired
    public RateGovernor(XeroSettings settings,
                        @Value("${fieldsync.xero.limits.daily-reserve:#{null}}") Integer dailyReserve) {
        this(limitsOf(settings), dailyReserve == null ? limitsOf(settings).perDay() / 10 : dailyReserve,
                Clock.systemUTC(), Sleeper.REAL);
    }

    RateGovernor(XeroSettings.Limits limits, int dailyReserve, Clock clock, Sleeper sleeper) {
        check(limits.concurrent() > 0, "fieldsync.xero.limits.concurrent must be at least 1");
        check(limits.perWindow() > 0, "fieldsync.xero.limits.per-window must be at least 1");
        check(limits.window() != null && limits.window().toMillis() > 0, "fieldsync.xero.limits.window must be positive");
        check(limits.perDay() > 0, "fieldsync.xero.limits.per-day must be at least 1");
        check(dailyReserve >= 0 && dailyReserve < limits.perDay(),
                "fieldsync.xero.limits.daily-reserve must be between 0 and per-day - 1 (" + (limits.perDay() - 1)
                        + "), is " + dailyReserve);
        this.limits = limits;
        this.dailyReserve = dailyReserve;
        this.windowMillis = limits.window().toMillis();
        this.dayMillis = windowMillis * WINDOWS_PER_DAY;
        // a call started this close to the end of a window may reach Xero in the next one
        this.edgeMillis = Math.min(windowMillis / 10, MAX_EDGE_MILLIS);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Waits until a sync call to this organisation may be made and counts it.
     *
     * @throws DailyLimitReachedException when only the operators' reserve is left today, or Xero said the day is used up
     * @throws InterruptedException when the waiting thread is interrupted; nothing was counted
     */
    public Permit acquire(String tenantId) throws InterruptedException {
        return acquire(tenantId, false);
    }

    /** As {@link #acquire}, but may use the operators' reserve: for single calls a person asked for. */
    public Permit acquireReserved(String tenantId) throws InterruptedException {
        return acquire(tenantId, true);
    }

    /**
     * Hands a permit back once Xero answered (or the call failed: status 0 and no headers), freeing
     * its slot in flight and learning from the answer's limit headers. A second call for the same
     * permit does nothing.
     */
    public void completed(Permit permit, int httpStatus, Function<String, String> responseHeader) {
        if (permit == null || !permit.close()) {
            return;
        }
        Function<String, String> header = responseHeader == null ? name -> null : responseHeader;
        TenantState state = state(permit.tenantId);
        state.lock.lock();
        try {
            long now = clock.millis();
            roll(state, now);
            state.inFlight--;
            learnRemaining(state, permit, header);
            if (httpStatus == 429) {
                pause(state, header, now);
            }
            state.changed.signalAll();
        } finally {
            state.lock.unlock();
        }
    }

    /** How long Xero asks to wait: Retry-After in seconds (or as an HTTP date); one second when it is missing. */
    public Duration retryAfter(Function<String, String> responseHeader) {
        String value = responseHeader == null ? null : responseHeader.apply(RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration left = Duration.between(clock.instant(), at);
                return left.isNegative() ? Duration.ZERO : left;
            } catch (DateTimeParseException notADate) {
                return DEFAULT_RETRY_AFTER;
            }
        }
    }

    /** A 429 for the daily limit: waiting minutes does not help, the run must stop. */
    public boolean isDailyLimit(int status, Function<String, String> responseHeader) {
        return status == 429 && responseHeader != null && "daily".equalsIgnoreCase(trim(responseHeader.apply(PROBLEM)));
    }

    /** Calls started to this organisation in the current window, as far as this application knows. */
    public int callsInWindow(String tenantId) {
        return read(tenantId, state -> state.windowCalls);
    }

    /** Calls made to this organisation today, as far as this application knows. */
    public int callsToday(String tenantId) {
        return read(tenantId, state -> state.dayCalls);
    }

    /** Calls to this organisation acquired and not yet completed. */
    public int inFlight(String tenantId) {
        return read(tenantId, state -> state.inFlight);
    }

    public int dailyReserve() {
        return dailyReserve;
    }

    public XeroSettings.Limits limits() {
        return limits;
    }

    private Permit acquire(String tenantId, boolean mayUseReserve) throws InterruptedException {
        Objects.requireNonNull(tenantId, "tenantId");
        int dayBudget = mayUseReserve ? limits.perDay() : limits.perDay() - dailyReserve;
        TenantState state = state(tenantId);
        state.lock.lockInterruptibly();
        try {
            while (true) {
                long now = clock.millis();
                roll(state, now);
                if (now < state.dayExhaustedUntil) {
                    throw DailyLimitReachedException.xeroSays(tenantId, state.dayCalls, Instant.ofEpochMilli(state.dayExhaustedUntil));
                }
                if (state.dayCalls >= dayBudget) {
                    Instant resetsAt = Instant.ofEpochMilli((state.day + 1) * dayMillis);
                    throw mayUseReserve
                            ? DailyLimitReachedException.reserveUsed(tenantId, state.dayCalls, limits.perDay(), resetsAt)
                            : DailyLimitReachedException.budgetUsed(tenantId, state.dayCalls, limits.perDay(), dailyReserve, resetsAt);
                }
                long blockedUntil = Math.max(state.blockedUntil, appBlockedUntil.get());
                long windowEnd = (state.window + 1) * windowMillis;
                long wait;
                if (now < blockedUntil) {
                    wait = blockedUntil - now;
                } else if (state.windowCalls >= limits.perWindow()) {
                    wait = windowEnd - now;
                } else if (state.inFlight >= limits.concurrent()) {
                    wait = -1; // until a call completes
                } else {
                    return grant(state, tenantId, now, windowEnd);
                }
                // at least a millisecond: the clock and the timed wait may disagree by a little
                sleeper.await(state.changed, wait < 0 ? -1 : Math.max(1, wait));
            }
        } finally {
            state.lock.unlock();
        }
    }

    private Permit grant(TenantState state, String tenantId, long now, long windowEnd) {
        state.inFlight++;
        state.windowCalls++;
        state.dayCalls++;
        if (windowEnd - now <= edgeMillis) {
            state.carriedIntoNext++;
        }
        return new Permit(tenantId, state.window, state.day);
    }

    /** Starts a new window or day when the clock has passed into one. Never goes back if the clock does. */
    private void roll(TenantState state, long now) {
        long window = Math.floorDiv(now, windowMillis);
        if (window > state.window) {
            state.windowCalls = window == state.window + 1 ? state.carriedIntoNext : 0;
            state.carriedIntoNext = 0;
            state.window = window;
        }
        long day = Math.floorDiv(now, dayMillis);
        if (day > state.day) {
            state.dayCalls = 0;
            state.day = day;
        }
    }

    /**
     * Xero's remaining counts are a floor for what was used. They are trusted only while the window
     * (or day) the call was counted in is still the current one: a later answer belongs to the past.
     */
    private void learnRemaining(TenantState state, Permit permit, Function<String, String> header) {
        Integer minRemaining = number(header.apply(MIN_REMAINING));
        if (minRemaining != null && permit.window == state.window) {
            state.windowCalls = Math.max(state.windowCalls, limits.perWindow() - minRemaining);
        }
        Integer dayRemaining = number(header.apply(DAY_REMAINING));
        if (dayRemaining != null && permit.day == state.day) {
            state.dayCalls = Math.max(state.dayCalls, limits.perDay() - dayRemaining);
        }
    }

    private void pause(TenantState state, Function<String, String> header, long now) {
        String problem = trim(header.apply(PROBLEM));
        if ("daily".equalsIgnoreCase(problem)) {
            boolean told = header.apply(RETRY_AFTER) != null;
            long until = told ? now + retryAfter(header).toMillis() : (state.day + 1) * dayMillis;
            state.dayExhaustedUntil = Math.max(state.dayExhaustedUntil, until);
        } else if ("appminute".equalsIgnoreCase(problem)) {
            long until = now + retryAfter(header).toMillis();
            appBlockedUntil.accumulateAndGet(until, Math::max);
        } else {
            // minute, concurrent, or a 429 that does not say: wait exactly as long as Xero asks
            state.blockedUntil = Math.max(state.blockedUntil, now + retryAfter(header).toMillis());
        }
    }

    private int read(String tenantId, java.util.function.ToIntFunction<TenantState> count) {
        TenantState state = tenants.get(tenantId);
        if (state == null) {
            return 0;
        }
        state.lock.lock();
        try {
            roll(state, clock.millis());
            return count.applyAsInt(state);
        } finally {
            state.lock.unlock();
        }
    }

    private TenantState state(String tenantId) {
        return tenants.computeIfAbsent(tenantId, id -> new TenantState());
    }

    private static XeroSettings.Limits limitsOf(XeroSettings settings) {
        if (settings == null || settings.limits() == null) {
            throw new IllegalStateException("fieldsync.xero.limits.* are not set; the rate governor needs Xero's limits");
        }
        return settings.limits();
    }

    private static Integer number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
