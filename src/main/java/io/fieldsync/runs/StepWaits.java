package io.fieldsync.runs;

import java.net.SocketTimeoutException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import io.fieldsync.config.DatabaseTimeouts;
import io.fieldsync.config.SourceDatabaseSettings;
import org.springframework.stereotype.Component;

/**
 * Names what a failed run waited for too long, and in which step: a statement cancelled after
 * {@code fieldsync.database.query-timeout}, or a connection whose server said nothing for
 * {@code socket-timeout} (a half-open socket after a fail-over). The run's history then reads
 * "field-service database did not answer within 90 s in step push-invoices".
 */
@Component("stepWaits")
public class StepWaits {

    private final DatabaseTimeouts timeouts;
    private final SourceDatabaseSettings source;
    private final org.springframework.core.env.Environment environment;

    public StepWaits(DatabaseTimeouts timeouts, SourceDatabaseSettings source, org.springframework.core.env.Environment environment) {
        this.timeouts = timeouts;
        this.source = source;
        this.environment = environment;
    }

    /** A run's failure as it goes to its history: a database wait past its limit named with the step, else as it was. */
    public Exception explain(Exception error, String step) {
        Duration limit = null;
        Throwable used = error; // the outermost SQL failure: thrown on the thread that used the database
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof java.sql.SQLException && !(used instanceof java.sql.SQLException)) {
                used = t;
            }
            if (limit == null && t instanceof SQLTimeoutException) {
                limit = timeouts.queryTimeout();
            }
            if (limit == null && t instanceof SocketTimeoutException) {
                limit = timeouts.socketTimeout();
            }
            if (limit == null && t instanceof java.sql.SQLTransientConnectionException pool
                    && pool.getMessage() != null && pool.getMessage().contains("request timed out")) {
                // the pool waited its connection-timeout for a connection: a wait, unless the server refused outright
                limit = Duration.ofMillis(RunFailureReason.raisedUnderCamelSql(t)
                        ? Long.parseLong(source.getHikari().getOrDefault("connection-timeout", "30000").trim())
                        : environment.getProperty("spring.datasource.hikari.connection-timeout", Long.class, 30_000L));
                used = t;
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException) {
                return error; // refused or gone: unreachable, not slow
            }
        }
        if (limit == null || RunFailureReason.isXeroFailure(error)) {
            return error;
        }
        String database = RunFailureReason.raisedUnderCamelSql(used) ? "field-service database" : "state database";
        return new StepTimedOutException(database + " did not answer within " + DatabaseTimeouts.inWords(limit)
                + (step == null ? "" : " in step " + step) + ": "
                + RunFailureReason.of(error).replaceFirst("^(field-service|state) database unreachable: ", ""), error);
    }

    /** A run's step that waited for a database longer than its limit. */
    static final class StepTimedOutException extends RuntimeException {
        StepTimedOutException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
