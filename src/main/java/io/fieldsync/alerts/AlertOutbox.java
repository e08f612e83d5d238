package io.fieldsync.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.fieldsync.config.FieldSyncProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The alert outbox in the state store. Writing a message is one insert, so a run's end never
 * waits on a mail server; the {@code send-alerts} route claims due messages, sends them and marks
 * them sent. A claim is a conditional update, so two nodes sharing the state store never both
 * send the same message.
 */
@Component("alertOutbox")
public class AlertOutbox {

    static final String MAIL = "MAIL";
    static final String INTERNAL = "INTERNAL";
    private static final int CLAIM_BATCH = 20;
    private static final int MAX_SUBJECT = 500;
    private static final int MAX_ERROR = 2000;

    private final JdbcTemplate state;
    private final AlertSettings settings;
    private final Clock clock;
    /** Unique per process, so two nodes with the same node id still tell their claims apart. */
    private final String claimant;

    @Autowired
    public AlertOutbox(JdbcTemplate state, AlertSettings settings,
                       FieldSyncProperties node) {
        this(state, settings, Clock.systemUTC(), (node.nodeId() == null ? "" : node.nodeId()) + "/" + UUID.randomUUID());
    }

    AlertOutbox(JdbcTemplate state, AlertSettings settings, Clock clock, String claimant) {
        this.state = state;
        this.settings = settings;
        this.clock = clock;
        this.claimant = claimant;
    }

    /** Keeps a message; it is mailed if SMTP is configured now, else it stays an internal notification. */
    public long add(AlertKind kind, String condition, Long runId, String subject, String body) {
        String delivery = settings.mailEnabled() ? MAIL : INTERNAL;
        KeyHolder key = new GeneratedKeyHolder();
        state.update(connection -> {
            var insert = connection.prepareStatement("""
                    insert into alert_outbox (kind, condition_key, run_id, delivery, subject, body, created_at, attempts)
                    values (?, ?, ?, ?, ?, ?, ?, 0)""", new String[] {"id"});
            insert.setString(1, kind.name());
            insert.setString(2, cut(condition, MAX_SUBJECT));
            insert.setObject(3, runId);
            insert.setString(4, delivery);
            insert.setString(5, cut(subject, MAX_SUBJECT));
            insert.setString(6, body);
            insert.setTimestamp(7, Timestamp.from(clock.instant()));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    /** The unsent mail messages that are due and that this process now holds the claim on. */
    public List<AlertMessage> claimDue() {
        Instant now = clock.instant();
        Timestamp staleClaim = Timestamp.from(now.minus(settings.claimTimeout()));
        List<Long> due = state.queryForList("""
                select id from alert_outbox
                 where delivery = 'MAIL' and sent_at is null
                   and (next_attempt_at is null or next_attempt_at <= ?)
                   and (claimed_at is null or claimed_at < ?)
                 order by id limit""" + " " + CLAIM_BATCH, Long.class, Timestamp.from(now), staleClaim);
        List<AlertMessage> claimed = new ArrayList<>();
        for (long id : due) {
            if (claim(id, now, staleClaim)) {
                claimed.add(find(id));
            }
        }
        return claimed;
    }

    /** True when this process got the message: the update only matches while nobody else holds it. */
    boolean claim(long id, Instant now, Timestamp staleClaim) {
        return state.update("""
                update alert_outbox set claimed_at = ?, claimed_by = ?
                 where id = ? and sent_at is null and (claimed_at is null or claimed_at < ?)""",
                Timestamp.from(now), claimant, id, staleClaim) == 1;
    }

    /** SMTP accepted the message: it is sent, once. */
    public void markSent(long id) {
        state.update("""
                update alert_outbox set sent_at = ?, attempts = attempts + 1, last_error = null,
                       next_attempt_at = null, claimed_at = null, claimed_by = null
                 where id = ? and claimed_by = ?""", Timestamp.from(clock.instant()), id, claimant);
    }

    /** SMTP did not take it: counted, released, and due again after a back-off that doubles per attempt. */
    public void deliveryFailed(long id, Exception error) {
        int attempts = state.queryForObject("select attempts from alert_outbox where id = ?", Integer.class, id) + 1;
        Instant next = clock.instant().plus(backOff(attempts, settings.retryAfter(), settings.retryMax()));
        state.update("""
                update alert_outbox set attempts = ?, last_error = ?, next_attempt_at = ?,
                       claimed_at = null, claimed_by = null
                 where id = ? and claimed_by = ?""",
                attempts, cut(MailErrors.describe(error, settings.smtpPassword()), MAX_ERROR), Timestamp.from(next),
                id, claimant);
    }

    static Duration backOff(int attempts, Duration first, Duration max) {
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    public AlertMessage find(long id) {
        return state.queryForObject("select * from alert_outbox where id = ?", AlertOutbox::message, id);
    }

    /** Newest first. */
    public List<AlertMessage> recent(int limit) {
        return state.query("select * from alert_outbox order by created_at desc, id desc limit " + limit,
                AlertOutbox::message);
    }

    private static AlertMessage message(ResultSet row, int n) throws SQLException {
        long run = row.getLong("run_id");
        Long runId = row.wasNull() ? null : run;
        return new AlertMessage(row.getLong("id"), AlertKind.valueOf(row.getString("kind")),
                row.getString("condition_key"), runId, row.getString("delivery"),
                row.getString("subject"), row.getString("body"), instant(row.getTimestamp("created_at")),
                instant(row.getTimestamp("sent_at")), row.getInt("attempts"), row.getString("last_error"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
