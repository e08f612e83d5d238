package io.fieldsync.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for something the connector does in the background (a listener, a timer route). */
public final class Eventually {

    private Eventually() {
    }

    public static void within(Duration timeout, String what, BooleanSupplier condition) {
        value(timeout, what, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    /** The first non-null value the supplier gives within the timeout. */
    public static <T> T value(Duration timeout, String what, Supplier<T> value) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T found;
        while ((found = value.get()) == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return found;
    }
}
