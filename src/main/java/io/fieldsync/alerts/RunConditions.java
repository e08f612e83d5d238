package io.fieldsync.alerts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.fieldsync.state.SyncRun;

/**
 * Which condition needing a person a run's end shows, from its status and recorded reason. A
 * failed run alerts for its cause when the cause is known (Xero refusing the connection, Xero out
 * of reach, the field-service database or the state store unreachable), otherwise as a failed
 * run: one alert per incident.
 */
final class RunConditions {

    /** Xero refusing the connector: the token request refused, or 401/403 on any call. */
    private static final Pattern XERO_REFUSED = Pattern.compile(
            "Xero refused the token request|Xero answered HTTP 40[13]\\b|HTTP 40[13]\\b|\\b(401|403) (Unauthorized|Forbidden)"
                    + "|The Xero connection lists no organisation|invalid_client|invalid_grant|AuthenticationUnsuccessful"
                    + "|reconnect needed|not connected to Xero",
            Pattern.CASE_INSENSITIVE);

    /** Xero (not the database) out of reach: XeroGet's, XeroRetries', XeroIdentity's and XeroTokens' words. */
    private static final Pattern XERO_UNREACHABLE = Pattern.compile(
            "Xero cannot be reached|Xero's token endpoint \\S+ (cannot be reached|answered HTTP 5)", Pattern.CASE_INSENSITIVE);

    /** The state store lost mid-run, as SyncRuns words it (the run's end is written once it is back). */
    private static final String STATE_DB_UNREACHABLE = "state database unreachable";

    /** JDBC connection failures as SyncRuns, Spring, Hikari and the MySQL/MariaDB drivers word them. */
    private static final List<String> DATABASE_UNREACHABLE = List.of(
            "failed to obtain jdbc connection", "could not get jdbc connection", "communications link failure",
            "connection is not available, request timed out", "socket fail to connect", "could not connect to address",
            "sqlnontransientconnectionexception", "cannotgetjdbcconnectionexception", "connection refused",
            "unknown database", "access denied for user", "connection is closed", "field-service database unreachable");

    private RunConditions() {
    }

    /** The condition the run's end raises, if any. */
    static Optional<String> raisedBy(SyncRun.Status status, String reason) {
        return switch (status) {
            case DAILY_LIMIT_REACHED -> Optional.of(AlertConditions.DAILY_LIMIT);
            case FAILED -> Optional.of(failureCause(reason));
            default -> Optional.empty();
        };
    }

    /** The conditions the run's end shows to be over. */
    static List<String> clearedBy(SyncRun.Status status) {
        return switch (status) {
            case SUCCEEDED, COMPLETED_WITH_ERRORS -> List.of(AlertConditions.RUN_FAILED, AlertConditions.RECONNECT_NEEDED,
                    AlertConditions.XERO_UNREACHABLE, AlertConditions.SOURCE_DB_UNREACHABLE, AlertConditions.STATE_DB_UNREACHABLE, AlertConditions.DAILY_LIMIT);
            // Xero took calls up to its limit: the connection and the databases worked
            case DAILY_LIMIT_REACHED -> List.of(AlertConditions.RUN_FAILED, AlertConditions.RECONNECT_NEEDED,
                    AlertConditions.XERO_UNREACHABLE, AlertConditions.SOURCE_DB_UNREACHABLE, AlertConditions.STATE_DB_UNREACHABLE);
            default -> List.of();
        };
    }

    static String failureCause(String reason) {
        String text = reason == null ? "" : reason;
        if (XERO_REFUSED.matcher(text).find()) {
            return AlertConditions.RECONNECT_NEEDED;
        }
        if (XERO_UNREACHABLE.matcher(text).find()) {
            return AlertConditions.XERO_UNREACHABLE; // its "connection refused" is not the database's
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith(STATE_DB_UNREACHABLE)) {
            return AlertConditions.STATE_DB_UNREACHABLE; // its driver's words are the field-service database's too
        }
        return DATABASE_UNREACHABLE.stream().anyMatch(lower::contains)
                ? AlertConditions.SOURCE_DB_UNREACHABLE : AlertConditions.RUN_FAILED;
    }
}
