package io.fieldsync.xero;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the last real call to Xero found, whichever node made it: Xero answered, could not be
 * reached (no answer, or a 5xx: since when and why), or refused a custom connection's
 * credentials. Kept in the state store ({@code xero_reachability}) so the connection status on
 * every node tells the same truth. A call that finds what is already known writes nothing: the
 * row is read again at most every two seconds, and written only when the outcome changes (and on
 * every failure, which is rare and slow anyway), in a transaction of its own: what a call found
 * stays recorded when the caller's transaction (a refresh under the row lock) rolls back.
 * Recording never fails a call: a state store that cannot take it is logged.
 */
@Component
public class XeroReachability {

    private static final Logger log = LoggerFactory.getLogger(XeroReachability.class);
    /** How long a node trusts the row it read before reading it again. */
    private static final long KNOWN_TTL_NANOS = TimeUnit.SECONDS.toNanos(2);

    public enum Outcome { ANSWERED, UNREACHABLE, REFUSED }

    /** The last outcome, since when it holds, when it was last seen, and why (for a failure). */
    public record Seen(Outcome outcome, Instant since, Instant lastAt, String reason) {
    }

    private record Known(Optional<Seen> seen, long readAtNanos) {
    }

    private final JdbcTemplate state;
    private final TransactionTemplate ownTransaction;
    private final XeroSettings settings;
    private final Clock clock;
    private volatile Known known;

    @Autowired
    public XeroReachability(JdbcTemplate state, TransactionTemplate transaction, XeroSettings settings) {
        this(state, transaction, settings, Clock.systemUTC());
    }

    XeroReachability(JdbcTemplate state, TransactionTemplate transaction, XeroSettings settings, Clock clock) {
        this.state = state;
        this.settings = settings;
        this.clock = clock;
        if (transaction == null) {
            this.ownTransaction = null;
        } else {
            this.ownTransaction = new TransactionTemplate(transaction.getTransactionManager());
            this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }
    }

    /** For a client built outside Spring (unit tests, a second node in a test): records nothing. */
    static XeroReachability notRecorded() {
        return new XeroReachability(null, null, null, Clock.systemUTC()) {
            @Override
            void record(Outcome outcome, String reason) {
            }

            @Override
            public Optional<Seen> last() {
                return Optional.empty();
            }
        };
    }

    /** Xero answered (any answer but a 5xx: a 4xx is Xero speaking). */
    public void answered() {
        record(Outcome.ANSWERED, null);
    }

    /** No answer from Xero, or a 5xx: {@code reason} says which call and what happened. */
    public void unreachable(String reason) {
        record(Outcome.UNREACHABLE, reason);
    }

    /** Xero refused the custom connection's credentials (the token request): a person has to look. */
    public void refused(String reason) {
        record(Outcome.REFUSED, reason);
    }

    /** The last outcome any node recorded, read afresh. */
    public Optional<Seen> last() {
        Optional<Seen> seen = read();
        known = new Known(seen, System.nanoTime());
        return seen;
    }

    void record(Outcome outcome, String reason) {
        try {
            Known current = known;
            if (current == null || System.nanoTime() - current.readAtNanos() > KNOWN_TTL_NANOS) {
                current = new Known(read(), System.nanoTime());
                known = current;
            }
            if (outcome == Outcome.ANSWERED && current.seen().map(s -> s.outcome() == Outcome.ANSWERED).orElse(false)) {
                return; // what every node already knows: no write per call
            }
            Instant now = clock.instant();
            boolean same = current.seen().map(s -> s.outcome() == outcome).orElse(false);
            Instant since = same ? current.seen().get().since() : now;
            ownTransaction.executeWithoutResult(status -> write(outcome, since, now, reason));
            known = new Known(Optional.of(new Seen(outcome, since, now, reason)), System.nanoTime());
            if (!same) {
                log.info("Xero connection: {}{}", outcome, reason == null ? "" : " (" + reason + ")");
            }
        } catch (RuntimeException e) {
            log.warn("What the last call to Xero found ({}) could not be recorded: {}", outcome, e.toString());
        }
    }

    private void write(Outcome outcome, Instant since, Instant now, String reason) {
        Object[] values = {outcome.name(), Timestamp.from(since), Timestamp.from(now), cut(reason), settings.clientId()};
        String update = "update xero_reachability set status = ?, since = ?, last_at = ?, reason = ? where client_id = ?";
        if (state.update(update, values) == 0) {
            try {
                state.update("insert into xero_reachability (status, since, last_at, reason, client_id) values (?, ?, ?, ?, ?)",
                        values);
            } catch (DuplicateKeyException anotherNodeFirst) {
                state.update(update, values);
            }
        }
    }

    private Optional<Seen> read() {
        List<Seen> rows = state.query("select status, since, last_at, reason from xero_reachability where client_id = ?",
                (row, n) -> new Seen(Outcome.valueOf(row.getString("status")), row.getTimestamp("since").toInstant(),
                        row.getTimestamp("last_at").toInstant(), row.getString("reason")), settings.clientId());
        return rows.stream().findFirst();
    }

    private static String cut(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}
