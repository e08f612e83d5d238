package io.fieldsync.xero;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An organisation's completed calls per wall-clock minute over the last hour: a ring of 60
 * counters, each remembering which minute it counts, so a quiet spell leaves no stale numbers.
 * Not thread-safe: the {@link RateGovernor} uses it under the tenant's lock.
 */
public final class CallsPerMinute {

    static final int MINUTES = 60;

    /** One minute of the last hour and the calls completed in it. */
    public record Minute(Instant minute, int calls) {
    }

    private final long[] minuteOf = new long[MINUTES];
    private final int[] calls = new int[MINUTES];

    CallsPerMinute() {
        java.util.Arrays.fill(minuteOf, Long.MIN_VALUE);
    }

    void called(long nowMillis) {
        long minute = Math.floorDiv(nowMillis, 60_000L);
        int slot = (int) Math.floorMod(minute, (long) MINUTES);
        if (minuteOf[slot] != minute) {
            minuteOf[slot] = minute;
            calls[slot] = 0;
        }
        calls[slot]++;
    }

    /** The last 60 minutes up to the current one, oldest first, zeros included. */
    List<Minute> lastHour(long nowMillis) {
        long current = Math.floorDiv(nowMillis, 60_000L);
        List<Minute> hour = new ArrayList<>(MINUTES);
        for (long minute = current - MINUTES + 1; minute <= current; minute++) {
            int slot = (int) Math.floorMod(minute, (long) MINUTES);
            hour.add(new Minute(Instant.ofEpochMilli(minute * 60_000L), minuteOf[slot] == minute ? calls[slot] : 0));
        }
        return hour;
    }
}
