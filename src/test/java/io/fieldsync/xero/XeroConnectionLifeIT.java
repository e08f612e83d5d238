package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.fieldsync.schedule.SyncSchedule;
import io.fieldsync.schedule.TokenRefreshSchedule;
import io.fieldsync.testing.Eventually;
import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.concurrent.atomic.AtomicInteger;

import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Trigger;
import org.quartz.impl.matchers.KeyMatcher;
import org.quartz.listeners.JobListenerSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * A connection that stays alive and tells the truth, against the sandbox as Xero (OAuth2,
 * authorisation code): a 401 on a read or a write is answered by one refresh and one retry; a
 * refused refresh shows RECONNECT_NEEDED with one alert; the clustered job keeps a refresh token
 * no sync used from dying at 60 days; Xero out of reach shows UNREACHABLE with when and why.
 * Same settings as {@link XeroOAuthIT}, so the two share one Spring context.
 */
@TestPropertySource(properties = {
        "fieldsync.xero.grant=authorization_code",
        "fieldsync.xero.token-key=" + XeroOAuthIT.TOKEN_KEY})
class XeroConnectionLifeIT extends MariaDbIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    XeroConnection connection;

    @Autowired
    XeroAuthorisations authorisations;

    @BeforeEach
    void connected() throws Exception {
        OAuthDance.notConnectedYet(sourceDataSource, state, sandbox, connection);
        runtimeSettings.reloadIfChanged();
        quartz.unscheduleJob(SyncSchedule.POSTPONED);
        new OAuthDance(asOperator(), port).connectTo(sandbox.tenantId());
        assertThat(status()).containsEntry("status", "CONNECTED");
    }

    @Test
    void anAccessTokenXeroRefusesMidRunOnAReadAndOnAWriteIsRefreshedOnceEachAndTheRunCompletes() {
        // revoked early (the stored token still looks fresh): Xero answers 401 TokenExpired
        sandbox.faults().on("GET", "/Contacts").times(1).afterwards(answer -> sandbox.expireAccessTokens());
        sandbox.faults().on("POST", "/Items").times(1).afterwards(answer -> sandbox.expireAccessTokens());
        long refreshes = sandbox.tokenRequests("refresh_token");

        Map<String, Object> run = syncToEnd();

        assertThat(run.get("status")).as(String.valueOf(run.get("message"))).isIn("SUCCEEDED", "COMPLETED_WITH_ERRORS");
        assertThat(sandbox.tokenRequests("refresh_token") - refreshes).as("one refresh per 401").isEqualTo(2);
        assertThat(sandbox.documents("Contacts")).isNotEmpty();
        assertThat(sandbox.documents("Invoices")).isNotEmpty();
        assertThat(status()).containsEntry("status", "CONNECTED");
        assertThat(alerts()).isEmpty();
    }

    @Test
    void aRefreshTokenRevokedMidRunIsFoundOutByOneRefreshShowsReconnectNeededWithOneAlertAndFailsTheRunNamingIt() {
        sandbox.faults().on("GET", "/Contacts").times(1).afterwards(answer -> {
            sandbox.expireAccessTokens();
            sandbox.revokeRefreshTokens(); // the user removed FieldSync in Xero
        });
        long refreshes = sandbox.tokenRequests("refresh_token");

        Map<String, Object> run = syncToEnd();

        assertThat(run).containsEntry("status", "FAILED");
        assertThat((String) run.get("message")).contains("reconnect needed").contains("invalid_grant");
        assertThat(sandbox.tokenRequests("refresh_token") - refreshes).as("one refresh, no loop").isEqualTo(1);
        Map<String, Object> status = status();
        assertThat(status).containsEntry("status", "RECONNECT_NEEDED").containsEntry("connect", "/api/xero/connect");
        assertThat(alerts()).containsExactly("reconnect-needed");
        assertThat(xeroHealth().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void theClusteredJobRefreshesATokenNoSyncUsedForWeeks() throws Exception {
        Trigger trigger = quartz.getTrigger(TokenRefreshSchedule.TRIGGER);
        assertThat(trigger).as("stored in the clustered job store").isNotNull();
        assertThat(trigger.getNextFireTime()).isNotNull();
        Instant lastRefresh = age(Duration.ofDays(40));
        String refreshToken = storedRefreshToken();
        long refreshes = sandbox.tokenRequests("refresh_token");

        runKeepAlive();

        assertThat(refreshedAt()).as("refreshed now").isAfter(lastRefresh.plus(Duration.ofDays(39)));
        assertThat(sandbox.tokenRequests("refresh_token") - refreshes).isEqualTo(1);
        assertThat(storedRefreshToken()).as("rotated").isNotEqualTo(refreshToken);
        assertThat(sandbox.isValidRefreshToken(storedRefreshToken())).isTrue();
        assertThat(status()).containsEntry("status", "CONNECTED");

        long after = sandbox.tokenRequests("refresh_token");
        runKeepAlive();
        assertThat(sandbox.tokenRequests("refresh_token")).as("a token refreshed just now is left alone").isEqualTo(after);
    }

    @Test
    void aRefreshTheJobFindsRefusedShowsReconnectNeededInTheStatusTheHealthGroupAndOneAlert() throws Exception {
        age(Duration.ofDays(61)); // nothing refreshed it in time: Xero forgot the refresh token
        assertThat(xeroHealth().getStatusCode()).isEqualTo(HttpStatus.OK);

        runKeepAlive();

        assertThat(status()).containsEntry("status", "RECONNECT_NEEDED");
        assertThat((String) status().get("message")).contains("invalid_grant");
        ResponseEntity<Map> health = xeroHealth();
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(health.getBody()).containsEntry("status", "RECONNECT_NEEDED");
        assertThat(alerts()).containsExactly("reconnect-needed");
        assertThat(asViewer().getForEntity("/actuator/health", Map.class).getStatusCode())
                .as("the connector itself is up: an operator can reconnect").isEqualTo(HttpStatus.OK);

        long refreshes = sandbox.tokenRequests("refresh_token");
        runKeepAlive();
        assertThat(sandbox.tokenRequests("refresh_token")).as("a dead token is not tried again").isEqualTo(refreshes);
        assertThat(alerts()).as("one alert while it lasts").containsExactly("reconnect-needed");
    }

    @Test
    void aTokenEndpointOutOfReachShowsUnreachableWithWhenAndWhyAndFailsTheRunsWithOneAlert() {
        expireStoredAccessToken();
        sandbox.faults().on("POST", "^/connect/token$").unreachable();

        Map<String, Object> first = syncToEnd();
        assertThat(first).containsEntry("status", "FAILED");
        assertThat((String) first.get("message")).contains("cannot be reached");
        Map<String, Object> status = status();
        assertThat(status).containsEntry("status", "UNREACHABLE");
        assertThat((String) status.get("unreachableReason")).contains("cannot be reached").contains("/connect/token");
        assertThat(Instant.parse((String) status.get("unreachableSince"))).isAfter(Instant.now().minusSeconds(120));
        assertThat(xeroHealth().getBody()).containsEntry("status", "UNREACHABLE");
        Map<String, Object> second = syncToEnd();
        assertThat(second).containsEntry("status", "FAILED");
        assertThat(alerts()).as("one alert while it lasts").containsExactly("xero-unreachable");

        sandbox.faults().clear();
        Map<String, Object> back = syncToEnd();
        assertThat(back.get("status")).as(String.valueOf(back.get("message"))).isIn("SUCCEEDED", "COMPLETED_WITH_ERRORS");
        assertThat(status()).containsEntry("status", "CONNECTED").doesNotContainKey("unreachableReason");
        assertThat(xeroHealth().getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** Fires the keep-alive job now, as its trigger would, and waits until Quartz has run it. */
    private void runKeepAlive() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        String name = "keep-alive-runs-" + System.nanoTime();
        JobListener listener = new JobListenerSupport() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
                runs.incrementAndGet();
            }
        };
        quartz.getListenerManager().addJobListener(listener, KeyMatcher.keyEquals(TokenRefreshSchedule.JOB));
        try {
            quartz.triggerJob(TokenRefreshSchedule.JOB);
            Eventually.within(Duration.ofSeconds(30), "the keep-alive ran", () -> runs.get() > 0);
        } finally {
            quartz.getListenerManager().removeJobListener(name);
        }
    }

    private Map<String, Object> status() {
        return asViewer().getForObject("/api/xero/connection", Map.class);
    }

    private ResponseEntity<Map> xeroHealth() {
        return asViewer().getForEntity("/actuator/health/xero", Map.class);
    }

    private List<String> alerts() {
        return state.queryForList("select condition_key from alert_outbox where kind = 'ALERT' order by id", String.class);
    }

    /** No call for {@code age}: the state store's last refresh and the sandbox's tokens both that much older. */
    private Instant age(Duration age) {
        Instant then = Instant.now().minus(age);
        state.update("update xero_authorisation set refreshed_at = ?, access_expires_at = ?", Timestamp.from(then),
                Timestamp.from(then.plus(Duration.ofMinutes(30))));
        sandbox.ageTokens(age);
        return then;
    }

    private Instant refreshedAt() {
        return state.queryForObject("select refreshed_at from xero_authorisation", Timestamp.class).toInstant();
    }

    private String storedRefreshToken() {
        return authorisations.refreshToken(authorisations.find().orElseThrow());
    }

    private void expireStoredAccessToken() {
        state.update("update xero_authorisation set access_expires_at = ?", Timestamp.from(Instant.now().minusSeconds(60)));
    }
}
