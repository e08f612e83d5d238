package io.fieldsync.state;

import java.util.function.Supplier;

import org.springframework.dao.PessimisticLockingFailureException;

/**
 * A transaction the database rolled back as a deadlock victim (or after a lock wait) changed
 * nothing, so it can simply run again: at most {@code attempts} times, then the failure stands.
 */
public final class DeadlockVictims {

    private DeadlockVictims() {
    }

    /** {@code beforeRetry} undoes what the failed attempt left outside the transaction. */
    public static <T> T runAgain(int attempts, Supplier<T> transaction, Runnable beforeRetry) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (PessimisticLockingFailureException lockLost) {
                if (attempt >= attempts) {
                    throw lockLost;
                }
                beforeRetry.run();
            }
        }
    }
}
