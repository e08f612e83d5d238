package io.fieldsync.xero;

import java.util.ArrayList;
import java.util.List;

/**
 * One organisation's calls that Xero may still count in its rolling window (its minute), on a
 * nanosecond clock. Xero counts a call when it arrives, which we never see: some time after we
 * start it and before its answer reaches us. So a call counts from its start until one window after
 * its answer, and not a moment longer: the next call then arrives at least a window after this one
 * did, however long either spent on the way, and wherever Xero's window starts. Not thread-safe:
 * the rate governor holds the organisation's lock around every use.
 */
final class RollingCallWindow {

    /** A call counted in the window: one of ours (in flight until answered), or others' learnt from Xero's headers. */
    static final class Call {
        private final long startedAt;
        private boolean answered;
        private long leavesAt;

        private Call(long startedAt) {
            this.startedAt = startedAt;
        }
    }

    private final long windowNanos;
    private final List<Call> calls = new ArrayList<>();

    RollingCallWindow(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** A call of ours starts now; hand it to {@link #answered} when its answer (or its failure) comes. */
    Call started(long now) {
        Call call = new Call(now);
        calls.add(call);
        return call;
    }

    /** Its answer came now: Xero counted it no later than now, so it leaves the window one window from now. */
    void answered(Call call, long now) {
        call.answered = true;
        call.leavesAt = now + windowNanos;
    }

    /** Xero counted {@code count} calls that are not ours; they arrived by now at the latest. */
    void othersCounted(int count, long now) {
        for (int i = 0; i < count; i++) {
            answered(started(now), now);
        }
    }

    /** Calls Xero may count in its window as of now. */
    int counted(long now) {
        forgetGone(now);
        int counted = 0;
        for (Call call : calls) {
            if (!call.answered || call.leavesAt - now > 0) {
                counted++;
            }
        }
        return counted;
    }

    /**
     * The most calls Xero can have counted when a call started at {@code startedAt} (and not yet
     * answered) arrived: every call started before its answer that leaves the window after its start.
     * What Xero reports beyond that is someone else's.
     */
    int mostCountedAtArrivalOf(long startedAt) {
        int counted = 0;
        for (Call call : calls) {
            if (!call.answered || call.leavesAt - startedAt > 0) {
                counted++;
            }
        }
        return counted;
    }

    /** Until the first answered call leaves the window; 0 when none will (only calls in flight fill it). */
    long nanosUntilOneLeaves(long now) {
        long soonest = Long.MAX_VALUE;
        for (Call call : calls) {
            if (call.answered && call.leavesAt - now > 0) {
                soonest = Math.min(soonest, call.leavesAt - now);
            }
        }
        return soonest == Long.MAX_VALUE ? 0 : soonest;
    }

    /** Calls that left the window before now and before every call still in flight started (those may still ask about them). */
    private void forgetGone(long now) {
        long horizon = now;
        for (Call call : calls) {
            if (!call.answered && call.startedAt - horizon < 0) {
                horizon = call.startedAt;
            }
        }
        long before = horizon;
        calls.removeIf(call -> call.answered && call.leavesAt - before <= 0);
    }
}
