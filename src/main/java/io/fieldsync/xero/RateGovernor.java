package io.fieldsync.xero;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps every route to Xero's limits, per organisation (tenant): at most {@code concurrent} calls in
 * flight, at most {@code perWindow} calls in any window of its length (a rolling window, see
 * {@link RollingCallWindow}: right whether Xero's minute rolls or is fixed, and wherever it starts),
 * and the day's {@code perDay} calls (a day is 1,440 windows, so a shrunk window shrinks the day as the
 * sandbox does) less a reserve kept for operators.
 *
 * <p>Callers take a {@link Permit} before each call and hand it back with the answer:
 * <pre>{@code
 * Permit permit = governor.acquire(tenantId);
 * HttpResponse<?> answer = null;
 * try { answer = send(...); }
 * finally { governor.completed(permit, answer == null ? 0 : answer.statusCode(),
 *                              name -> answer == null ? null : answer.headers().firstValue(name).orElse(null)); }
 * }</pre>
 *
 * <p>Exact where Xero's count can be known, conservative where it cannot: Xero counts a call when it
 * arrives, somewhere between our start and our answer, so a call holds its place in the window from its
 * start until one window after its answer (the call's own time is all that is given up); a call still in
 * flight when a day begins is counted in the new day too; a refused (429) call stays counted. Xero's
 * {@code X-MinLimit-Remaining} adds only the calls our own cannot account for (another client's), never
 * our own twice. Until Xero has answered once, one call at a time: another node, or this node before a
 * restart, may have used the window, and the first answer says so before a burst meets it. Each tenant
 * has its own lock and condition, and waiting threads wait on that condition until the moment a place
 * frees or a call completes (never spinning, never holding a lock that other tenants need).
 */
@Component("rateGovernor")
public class RateGovernor {

    static final String MIN_REMAINING = "X-MinLimit-Remaining";
    static final String DAY_REMAINING = "X-DayLimit-Remaining";
    static final String PROBLEM = "X-Rate-Limit-Problem";
    static final String RETRY_AFTER = "Retry-After";
    static final int WINDOWS_PER_DAY = 1440;

    /** Leave to make one call to a tenant's organisation; hand it back to {@link #completed}. */
    public record Permit(String tenantId, long startedAtNanos) {
    }

    private final int concurrent;
    private final int perWindow;
    private final int perDay;
    private final int reserve;
    private final long windowNanos;
    private final long dayMillis;
    private final LongSupplier nanoClock;
    private final LongSupplier epochMillis;
    private final ConcurrentMap<String, Tenant> tenants = new ConcurrentHashMap<>();
    /** Xero's app-wide limit (problem "appminute") pauses every organisation until this nano time. */
    private final java.util.concurrent.atomic.AtomicReference<Long> appBlockedUntilNanos = new java.util.concurrent.atomic.AtomicReference<>();

    @Autowired
    public RateGovernor(XeroSettings settings) {
        this(Objects.requireNonNull(settings, "settings").limits(),
                settings.limits() == null ? 0 : settings.limits().dailyReserve(), System::nanoTime, System::currentTimeMillis);
    }

    /** For tests: limits without the rest of the settings, and the clocks to read. */
    RateGovernor(XeroSettings.Limits limits, int dailyReserve, LongSupplier nanoClock, LongSupplier epochMillis) {
        if (limits == null || limits.window() == null) {
            throw new IllegalArgumentException("fieldsync.xero.limits (concurrent, per-window, window, per-day) must be set");
        }
        if (limits.concurrent() < 1 || limits.perWindow() < 1 || limits.perDay() < 1
                || limits.window().isNegative() || limits.window().toMillis() < 1) {
            throw new IllegalArgumentException("fieldsync.xero.limits must all be positive, the window at least 1 ms: " + limits);
        }
        this.concurrent = limits.concurrent();
        this.perWindow = limits.perWindow();
        this.perDay = limits.perDay();
        this.reserve = dailyReserve > 0 ? Math.min(dailyReserve, limits.perDay()) : limits.perDay() / 10;
        this.windowNanos = limits.window().toNanos();
        this.dayMillis = limits.window().toMillis() * WINDOWS_PER_DAY;
        this.nanoClock = Objects.requireNonNull(nanoClock);
        this.epochMillis = Objects.requireNonNull(epochMillis);
    }

    /**
     * Waits until a call to the tenant may start and counts it.
     *
     * @throws DailyLimitReachedException when only the day's reserve is left, or Xero said the day is used up
     */
    public Permit acquire(String tenantId) throws InterruptedException {
        return acquire(tenantId, perDay - reserve);
    }

    /** As {@link #acquire}, but may use the reserve: for operators' calls. */
    public Permit acquireReserved(String tenantId) throws InterruptedException {
        return acquire(tenantId, perDay);
    }

    /**
     * Hands a permit back with Xero's answer ({@code httpStatus} 0 when no answer came); {@code header}
     * reads one of the answer's headers by name (null when absent). A permit handed back twice counts once.
     */
    public void completed(Permit permit, int httpStatus, Function<String, String> header) {
        Objects.requireNonNull(permit, "permit");
        Function<String, String> headers = header == null ? name -> null : header;
        Tenant tenant = tenant(permit.tenantId());
        tenant.lock.lock();
        try {
            long nowMillis = epochMillis.getAsLong();
            long nowNanos = nanoClock.getAsLong();
            tenant.roll(nowMillis);
            RollingCallWindow.Call call = tenant.open.remove(permit);
            if (call == null) {
                return;
            }
            tenant.lastHour.called(nowMillis);
            boolean sameDay = tenant.dayOf(permit) == day(nowMillis);
            int startedAfter = tenant.inFlightStartedAfter(permit);
            // after a 429, Retry-After alone says how long to wait (exactly that long, not until a window after now)
            Integer minRemaining = isRateLimited(httpStatus) ? null : number(read(headers, MIN_REMAINING));
            if (minRemaining != null) {
                int countedByXero = perWindow - minRemaining;
                int oursAtMost = tenant.minute.mostCountedAtArrivalOf(permit.startedAtNanos());
                if (countedByXero > oursAtMost) {
                    tenant.minute.othersCounted(countedByXero - oursAtMost, nowNanos); // someone else's calls
                }
            }
            tenant.minute.answered(call, nowNanos);
            tenant.heardFromXero |= httpStatus != 0;
            Integer dayRemaining = number(read(headers, DAY_REMAINING));
            if (dayRemaining != null && sameDay && perDay - dayRemaining + startedAfter > tenant.usedToday) {
                tenant.usedToday = perDay - dayRemaining + startedAfter;
            }
            if (isRateLimited(httpStatus)) {
                if (isDailyLimit(httpStatus, headers)) {
                    tenant.dayExhausted = true;
                } else {
                    long retryAfterNanos = TimeUnit.SECONDS.toNanos(retryAfterSeconds(read(headers, RETRY_AFTER), nowMillis));
                    long until = nanoClock.getAsLong() + retryAfterNanos;
                    if ("appminute".equalsIgnoreCase(trim(read(headers, PROBLEM)))) {
                        appBlockedUntilNanos.accumulateAndGet(until, (a, b) -> a == null || b - a > 0 ? b : a);
                    } else if (!tenant.blocked || until - tenant.blockedUntilNanos > 0) {
                        tenant.blocked = true;
                        tenant.blockedUntilNanos = until;
                    }
                }
            }
            tenant.changed.signalAll();
        } finally {
            tenant.lock.unlock();
        }
    }

    /** Xero refused the call because the organisation's calls for the day are used up. */
    public static boolean isDailyLimit(int status, Function<String, String> header) {
        return isRateLimited(status) && header != null && "daily".equalsIgnoreCase(trim(read(header, PROBLEM)));
    }

    /** Xero refused the call for one of its rate limits (concurrent, minute, daily, app minute). */
    public static boolean isRateLimited(int status) {
        return status == 429;
    }

    /** Calls to the tenant started and not yet completed. */
    public int inFlight(String tenantId) {
        return read(tenantId, t -> t.open.size());
    }

    /** Calls Xero may count against the tenant in its window now (in flight, or answered less than a window ago). */
    public int usedInWindow(String tenantId) {
        return read(tenantId, t -> t.minute.counted(nanoClock.getAsLong()));
    }

    /** Calls counted against the tenant today (perDay once Xero said the day is used up). */
    public int usedToday(String tenantId) {
        return read(tenantId, t -> t.dayExhausted ? Math.max(perDay, t.usedToday) : t.usedToday);
    }

    /** Calls left today before Xero's daily limit (the operators' reserve included); for the metrics. */
    public int remainingToday(String tenantId) {
        return Math.max(0, perDay - usedToday(tenantId));
    }

    /** The organisation's completed calls per minute over the last hour, oldest first. */
    public List<CallsPerMinute.Minute> callsLastHour(String tenantId) {
        return read(tenantId, t -> t.lastHour.lastHour(epochMillis.getAsLong()));
    }

    /** Calls Xero allows in one window, as configured. */
    public int perWindow() {
        return perWindow;
    }

    /** The window's length in seconds (Xero's minute: 60); a fraction where benchmarks shrink it. */
    public Number windowSeconds() {
        return windowNanos % 1_000_000_000L == 0 ? (Number) (windowNanos / 1_000_000_000L) : (Number) (windowNanos / 1e9);
    }

    /** Xero's daily limit per organisation, as configured. */
    public int perDay() {
        return perDay;
    }

    /** The calls of a day kept for {@link #acquireReserved}. */
    public int dailyReserve() {
        return reserve;
    }

    private Permit acquire(String tenantId, int dayBudget) throws InterruptedException {
        Objects.requireNonNull(tenantId, "tenantId");
        Tenant tenant = tenant(tenantId);
        tenant.lock.lockInterruptibly();
        try {
            while (true) {
                long nowMillis = epochMillis.getAsLong();
                tenant.roll(nowMillis);
                if (tenant.dayExhausted) {
                    throw DailyLimitReachedException.xeroSays(tenantId, tenant.usedToday, dayEnd(nowMillis));
                }
                if (tenant.usedToday >= dayBudget) {
                    throw dayBudget < perDay
                            ? DailyLimitReachedException.budgetUsed(tenantId, tenant.usedToday, perDay, reserve, dayEnd(nowMillis))
                            : DailyLimitReachedException.reserveUsed(tenantId, tenant.usedToday, perDay, dayEnd(nowMillis));
                }
                long nowNanos = nanoClock.getAsLong();
                Long appBlockedUntil = appBlockedUntilNanos.get();
                long waitNanos;
                if (tenant.blocked && tenant.blockedUntilNanos - nowNanos > 0) {
                    waitNanos = tenant.blockedUntilNanos - nowNanos;
                } else if (appBlockedUntil != null && appBlockedUntil - nowNanos > 0) {
                    waitNanos = appBlockedUntil - nowNanos;
                } else if (tenant.open.size() >= (tenant.heardFromXero ? concurrent : 1)) {
                    waitNanos = windowNanos; // a completion signals sooner
                } else if (tenant.minute.counted(nowNanos) >= perWindow) {
                    long untilOneLeaves = tenant.minute.nanosUntilOneLeaves(nowNanos);
                    waitNanos = untilOneLeaves > 0 ? untilOneLeaves : windowNanos; // else a completion signals sooner
                } else {
                    tenant.blocked = false;
                    Permit permit = new Permit(tenantId, nowNanos);
                    tenant.open.put(permit, tenant.minute.started(nowNanos));
                    tenant.usedToday++;
                    return permit;
                }
                tenant.changed.awaitNanos(waitNanos);
            }
        } finally {
            tenant.lock.unlock();
        }
    }

    private <T> T read(String tenantId, Function<Tenant, T> value) {
        Tenant tenant = tenant(Objects.requireNonNull(tenantId, "tenantId"));
        tenant.lock.lock();
        try {
            tenant.roll(epochMillis.getAsLong());
            return value.apply(tenant);
        } finally {
            tenant.lock.unlock();
        }
    }

    private Tenant tenant(String tenantId) {
        return tenants.computeIfAbsent(tenantId, id -> new Tenant());
    }

    private long day(long millis) {
        return Math.floorDiv(millis, dayMillis);
    }

    private Instant dayEnd(long nowMillis) {
        return Instant.ofEpochMilli((day(nowMillis) + 1) * dayMillis);
    }

    private static String read(Function<String, String> header, String name) {
        String value = header.apply(name);
        return value != null ? value : header.apply(name.toLowerCase(java.util.Locale.ROOT));
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static Integer number(String value) {
        try {
            return value == null ? null : Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Retry-After in whole seconds (given as seconds or as an HTTP date); 1 when absent or unreadable. */
    static long retryAfterSeconds(String value, long nowMillis) {
        if (value != null && !value.isBlank()) {
            try {
                long seconds = (long) Math.ceil(Double.parseDouble(value.trim()));
                if (seconds >= 0) {
                    return seconds;
                }
            } catch (NumberFormatException notSeconds) {
                try {
                    long at = java.time.ZonedDateTime.parse(value.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant().toEpochMilli();
                    return Math.max(0, (at - nowMillis + 999) / 1000);
                } catch (java.time.format.DateTimeParseException garbage) {
                    // the default
                }
            }
        }
        return 1;
    }

    /** One organisation's counters; guarded by its lock. */
    private final class Tenant {
        final ReentrantLock lock = new ReentrantLock();
        final Condition changed = lock.newCondition();
        /** Calls in flight, each with its place in the window. */
        final Map<Permit, RollingCallWindow.Call> open = new IdentityHashMap<>();
        final RollingCallWindow minute = new RollingCallWindow(windowNanos);
        /** Completed calls per wall-clock minute, for the console's budget view. */
        final CallsPerMinute lastHour = new CallsPerMinute();
        /** An answer came, with what Xero counts (its X-*-Remaining): calls may go concurrent from now on. */
        boolean heardFromXero;
        long day = Long.MIN_VALUE;
        long dayStartNanos;
        int usedToday;
        boolean dayExhausted;
        boolean blocked;
        long blockedUntilNanos;

        /** Starts a new day when one began; calls in flight may be counted by Xero in it. */
        void roll(long nowMillis) {
            long currentDay = day(nowMillis);
            if (currentDay != day) {
                day = currentDay;
                dayStartNanos = nanoClock.getAsLong();
                usedToday = open.size();
                dayExhausted = false;
            }
        }

        long dayOf(Permit permit) {
            return permit.startedAtNanos() - dayStartNanos >= 0 ? day : Long.MIN_VALUE;
        }

        /**
         * Our calls still in flight that started after the permit: Xero's remaining count, read when the
         * permit's call arrived, may not include them yet.
         */
        int inFlightStartedAfter(Permit permit) {
            int after = 0;
            for (Permit other : open.keySet()) {
                if (other.startedAtNanos() - permit.startedAtNanos() >= 0) {
                    after++;
                }
            }
            return after;
        }
    }
}
