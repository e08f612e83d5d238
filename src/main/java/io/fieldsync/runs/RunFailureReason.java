package io.fieldsync.runs;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Why a run failed, in the words its history and its alert show. A lost database connection names
 * the database, whatever Spring, Hibernate or Camel wrapped around it. Only camel-sql endpoints
 * use the field-service database (application.yml points the sql component at it), so a
 * connection failure raised under camel-sql is the field-service database's, any other the state
 * store's.
 */
final class RunFailureReason {

    static final String SOURCE_UNREACHABLE = "field-service database unreachable: ";
    static final String STATE_UNREACHABLE = "state database unreachable: ";
    private static final String CAMEL_SQL = "org.apache.camel.component.sql.";

    private RunFailureReason() {
    }

    static String of(Throwable error) {
        if (error instanceof StepWaits.StepTimedOutException timedOut) {
            return timedOut.getMessage();
        }
        SQLException lost = connectionFailure(error);
        if (lost == null) {
            Throwable cause = error;
            // Camel wraps a bean's failure ("Failed to invoke method: ...") and a split's ("Multicast
            // processing failed ...") in words about exchanges: the failure's own words say it
            while ((cause instanceof org.apache.camel.RuntimeCamelException || cause instanceof org.apache.camel.CamelExchangeException)
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        }
        return (raisedUnderCamelSql(lost) ? SOURCE_UNREACHABLE : STATE_UNREACHABLE) + describe(lost);
    }

    /**
     * The outermost SQLException of the chain that says the connection is gone: it was thrown on
     * the thread that used the database (a pool's own cause comes from its connection adder).
     */
    private static SQLException connectionFailure(Throwable error) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql && isConnectionFailure(sql)) {
                return sql;
            }
        }
        return null;
    }

    private static boolean isConnectionFailure(SQLException sql) {
        return sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException
                || sql instanceof SQLRecoverableException // the MySQL driver's "Communications link failure"
                || (sql.getSQLState() != null && sql.getSQLState().startsWith("08")); // SQL's connection exception class
    }

    static boolean raisedUnderCamelSql(Throwable failure) {
        return Arrays.stream(failure.getStackTrace()).anyMatch(frame -> frame.getClassName().startsWith(CAMEL_SQL));
    }

    /** A failure of a call to Xero (its HTTP client's timeout is no database's). */
    static boolean isXeroFailure(Throwable error) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            if (t.getClass().getName().startsWith("io.fieldsync.xero.")) {
                return true;
            }
        }
        return false;
    }

    /** The failure's first line, and the root cause's (e.g. "Connection refused") when it is another. */
    private static String describe(SQLException lost) {
        Throwable root = lost;
        Set<Throwable> seen = new HashSet<>();
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        String what = firstLine(lost);
        String why = root == lost ? null : firstLine(root);
        return why == null || what.contains(why) ? what : what + " (" + why + ")";
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end).strip();
    }
}
