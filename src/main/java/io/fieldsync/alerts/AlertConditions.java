package io.fieldsync.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers which conditions have been alerted and when, so each alerts once and again only
 * while it persists past {@code fieldsync.alerts.repeat-after}: no alert storms from a sync that
 * fails every 15 minutes. A cleared condition alerts afresh next time it appears.
 */
@Component("alertConditions")
public class AlertConditions {

    public static final String RUN_FAILED = "run-failed";
    public static final String DAILY_LIMIT = "daily-limit";
    public static final String RECONNECT_NEEDED = "reconnect-needed";
    public static final String XERO_UNREACHABLE = "xero-unreachable";
    public static final String SOURCE_DB_UNREACHABLE = "source-db-unreachable";
    public static final String STATE_DB_UNREACHABLE = "state-db-unreachable";
    public static final String RECORD_FAILING = "record-failing:";

    private final JdbcTemplate state;
    private final AlertSettings settings;
    private final Clock clock;

    @Autowired
    public AlertConditions(JdbcTemplate state, AlertSettings settings) {
        this(state, settings, Clock.systemUTC());
    }

    AlertConditions(JdbcTemplate state, AlertSettings settings, Clock clock) {
        this.state = state;
        this.settings = settings;
        this.clock = clock;
    }

    public static String recordFailing(String entity, long localId) {
        return RECORD_FAILING + entity + ":" + localId;
    }

    /**
     * The condition holds now; true when an alert is due (new, or last alerted at least
     * repeat-after ago), and then it counts as alerted. The updates are conditional, so two
     * callers at once do not both get true.
     */
    public boolean raise(String key) {
        Instant now = clock.instant();
        try {
            state.update("insert into alert_condition (condition_key, first_seen_at, last_alerted_at) values (?, ?, ?)",
                    key, Timestamp.from(now), Timestamp.from(now));
            return true;
        } catch (DuplicateKeyException alreadyKnown) {
            List<Timestamp> last = state.queryForList(
                    "select last_alerted_at from alert_condition where condition_key = ?", Timestamp.class, key);
            if (last.isEmpty()) {
                return raise(key); // cleared in between
            }
            if (!due(last.get(0).toInstant(), now, settings.repeatAfter())) {
                return false;
            }
            return state.update("update alert_condition set last_alerted_at = ? where condition_key = ? and last_alerted_at = ?",
                    Timestamp.from(now), key, last.get(0)) == 1;
        }
    }

    static boolean due(Instant lastAlerted, Instant now, Duration repeatAfter) {
        return !now.isBefore(lastAlerted.plus(repeatAfter));
    }

    /** The conditions are over: the next time they hold, they alert at once. */
    public void clear(Collection<String> keys) {
        for (String key : keys) {
            state.update("delete from alert_condition where condition_key = ?", key);
        }
    }

    /** Record conditions currently remembered, e.g. {@code record-failing:invoice:17}. */
    public List<String> failingRecords() {
        return state.queryForList("select condition_key from alert_condition where condition_key like ?",
                String.class, RECORD_FAILING + "%");
    }
}
