package io.fieldsync.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsync.state.SyncRun;
import org.junit.jupiter.api.Test;

/** Which condition a run's end raises, from its status and reason as SyncRuns records them. */
class RunConditionsTest {

    @Test
    void xeroRefusingTheConnectionNeedsAReconnect() {
        assertThat(RunConditions.failureCause("Xero refused the token request (HTTP 401): {\"error\":\"invalid_client\"};"
                + " check fieldsync.xero.client-id and client-secret")).isEqualTo(AlertConditions.RECONNECT_NEEDED);
        assertThat(RunConditions.failureCause("Xero answered HTTP 403 to a Contacts batch: AuthorizationUnsuccessful"))
                .isEqualTo(AlertConditions.RECONNECT_NEEDED);
        assertThat(RunConditions.failureCause("Xero answered HTTP 401 to GET https://api.xero.com/connections: (empty answer)"))
                .isEqualTo(AlertConditions.RECONNECT_NEEDED);
    }

    @Test
    void aJdbcConnectionFailureIsTheFieldServiceDatabaseUnreachable() {
        // what a run records when the field-service pool cannot get a connection (seen with a refused login)
        assertThat(RunConditions.failureCause("Failed to obtain JDBC Connection"))
                .isEqualTo(AlertConditions.SOURCE_DB_UNREACHABLE);
        assertThat(RunConditions.failureCause("source - Connection is not available, request timed out after 30000ms"))
                .isEqualTo(AlertConditions.SOURCE_DB_UNREACHABLE);
        assertThat(RunConditions.failureCause("Multicast processing failed for number 0. Exchange[...] in route push-to-xero."
                + " Caused by: [org.springframework.jdbc.CannotGetJdbcConnectionException - Failed to obtain JDBC Connection]"))
                .as("a route name with xero in it does not make it Xero's").isEqualTo(AlertConditions.SOURCE_DB_UNREACHABLE);
        assertThat(RunConditions.failureCause("Communications link failure\n\nThe last packet sent successfully to the server was 0 milliseconds ago."))
                .isEqualTo(AlertConditions.SOURCE_DB_UNREACHABLE);
    }

    @Test
    void aRunThatLostADatabaseAlertsForThatDatabase() {
        assertThat(RunConditions.failureCause("field-service database unreachable: Communications link failure (Connection refused)"))
                .isEqualTo(AlertConditions.SOURCE_DB_UNREACHABLE);
        assertThat(RunConditions.failureCause("state database unreachable: state - Connection is not available, request timed"
                + " out after 2000ms (total=0, active=0, idle=0, waiting=0) (Connection refused)"))
                .as("the driver's words alone would say the field-service database").isEqualTo(AlertConditions.STATE_DB_UNREACHABLE);
    }

    @Test
    void xeroOutOfReachIsItsOwnConditionNotTheFieldServiceDatabase() {
        assertThat(RunConditions.failureCause("Xero's token endpoint https://identity.xero.com/connect/token cannot be reached: Connection refused"))
                .as("Xero unreachable is not the field-service database").isEqualTo(AlertConditions.XERO_UNREACHABLE);
        assertThat(RunConditions.failureCause("Xero cannot be reached for GET https://api.xero.com/api.xro/2.0/TaxRates: Connection refused"))
                .isEqualTo(AlertConditions.XERO_UNREACHABLE);
        assertThat(RunConditions.failureCause("Xero cannot be reached for the token request to https://identity.xero.com/connect/token:"
                + " HTTP/1.1 header parser received no bytes")).isEqualTo(AlertConditions.XERO_UNREACHABLE);
        assertThat(RunConditions.clearedBy(SyncRun.Status.SUCCEEDED)).contains(AlertConditions.XERO_UNREACHABLE);
    }

    @Test
    void anyOtherFailureIsAFailedRun() {
        assertThat(RunConditions.failureCause("Xero answered HTTP 503 to a Contacts batch: Service Unavailable"))
                .isEqualTo(AlertConditions.RUN_FAILED);
        assertThat(RunConditions.failureCause(null)).isEqualTo(AlertConditions.RUN_FAILED);
    }

    @Test
    void theDailyLimitIsItsOwnConditionAndACompletedRunClearsTheOthers() {
        assertThat(RunConditions.raisedBy(SyncRun.Status.DAILY_LIMIT_REACHED, "daily Xero API budget used up")).contains(AlertConditions.DAILY_LIMIT);
        assertThat(RunConditions.raisedBy(SyncRun.Status.COMPLETED_WITH_ERRORS, null)).isEmpty();
        assertThat(RunConditions.raisedBy(SyncRun.Status.INTERRUPTED, null)).isEmpty();
        assertThat(RunConditions.clearedBy(SyncRun.Status.COMPLETED_WITH_ERRORS)).contains(AlertConditions.RUN_FAILED,
                AlertConditions.RECONNECT_NEEDED, AlertConditions.SOURCE_DB_UNREACHABLE, AlertConditions.STATE_DB_UNREACHABLE,
                AlertConditions.DAILY_LIMIT);
        assertThat(RunConditions.clearedBy(SyncRun.Status.FAILED)).isEmpty();
    }
}
