package io.fieldsync.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.fieldsync.testing.Eventually;
import io.fieldsync.testing.MariaDbIntegrationTest;
import io.fieldsync.testing.TestSettings;
import io.fieldsync.xero.XeroTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** With no SMTP host, reports and alerts are internal notifications, listed newest first by GET /api/notifications. */
class NotificationsIT extends MariaDbIntegrationTest {

    @Autowired
    ConfigurableEnvironment environment;

    @Autowired
    XeroTokens tokens;

    @BeforeEach
    void freshStart() {
        startFresh();
    }

    @AfterEach
    void connectionBackToNormal() {
        sandbox.faults().clear();
        tokens.forget();
    }

    @Test
    void withoutAnSmtpHostTheErrorReportIsListedByTheNotificationsApi() {
        long run = id(syncToEnd());

        Map<String, Object> report = awaitNotification("ERROR_REPORT", run);
        assertThat(report).containsEntry("delivery", "INTERNAL").containsEntry("attempts", 0)
                .containsEntry("sentAt", null).containsEntry("lastError", null).containsEntry("condition", null)
                .containsKey("createdAt");
        assertThat(report.get("subject").toString()).startsWith("FieldSync run " + run + ": ").endsWith("records failed");
        assertThat(report.get("body").toString()).contains("invoice (").contains("has no Xero tax type");
        assertThat(state.queryForObject("select count(*) from alert_outbox where kind = 'ERROR_REPORT'", Integer.class))
                .as("one report per run").isEqualTo(1);
    }

    @Test
    void notificationsAreListedNewestFirstAndASyncReportFollowsEveryRunWhenAskedFor() {
        try (TestSettings settings = new TestSettings(environment).set("fieldsync.alerts.sync-report", "true")) {
            long run = id(syncToEnd());

            Map<String, Object> report = awaitNotification("SYNC_REPORT", run);
            int contacts = state.queryForObject(
                    "select record_count from sync_run_count where run_id = ? and entity = 'contact' and status = 'SYNCED'",
                    Integer.class, run);
            assertThat(report.get("subject")).isEqualTo("FieldSync run " + run + " COMPLETED_WITH_ERRORS");
            assertThat(report.get("body").toString()).contains("contact: " + contacts + " synced");
            List<Map<String, Object>> all = notifications(50);
            assertThat(all).extracting(n -> n.get("kind")).containsExactly("SYNC_REPORT", "ERROR_REPORT");
            assertThat(notifications(1)).hasSize(1);
        }
    }

    @Test
    void xeroRefusingTheConnectionAlertsReconnectNeededOnceWhileItLasts() {
        syncToEnd();
        // the custom connection is disconnected in Xero: the 401 is answered by a new token request, which Xero refuses
        sandbox.disconnectCustomConnection();

        Map<String, Object> refused = syncToEnd();
        assertThat(refused.get("status")).isEqualTo("FAILED");
        Map<String, Object> alert = awaitNotification("ALERT", id(refused));
        assertThat(alert).containsEntry("condition", "reconnect-needed");
        assertThat(alert.get("subject").toString()).contains("reconnect needed");
        assertThat(alert.get("body").toString()).contains("Xero refused the token request").contains("unauthorized_client");
        assertThat(asViewer().getForObject("/api/xero/connection", Map.class)).containsEntry("status", "RECONNECT_NEEDED");

        long again = id(syncToEnd());
        Eventually.within(Duration.ofSeconds(10), "run " + again + " ended", () -> state.queryForObject(
                "select count(*) from sync_run where id = ? and status = 'FAILED'", Integer.class, again) == 1);
        assertThat(state.queryForObject("select count(*) from alert_outbox where kind = 'ALERT'", Integer.class))
                .as("no second alert within repeat-after").isEqualTo(1);
    }

    @Test
    void aRecordFailingOnAsManyRunsAsSetRaisesOneAlertNamingIt() {
        try (TestSettings settings = new TestSettings(environment).set("fieldsync.alerts.failing-runs", "1")) {
            long run = id(syncToEnd());

            Map<String, Object> alert = awaitNotification("ALERT", run);
            List<Map<String, Object>> failed = state.queryForList(
                    "select entity, local_id from record_status where status = 'FAILED' and last_run_id = ?", run);
            assertThat(alert.get("subject").toString()).isEqualTo("FieldSync alert: " + failed.size() + " records keep failing");
            for (Map<String, Object> record : failed) {
                assertThat(alert.get("body").toString()).contains(record.get("entity") + " " + record.get("local_id") + ", failed on 1 runs");
                assertThat(state.queryForObject("select count(*) from alert_condition where condition_key = ?", Integer.class,
                        "record-failing:" + record.get("entity") + ":" + record.get("local_id"))).isEqualTo(1);
            }
        }
    }

    @Test
    void aLimitOutOfRangeIsABadRequest() {
        ResponseEntity<Map> answer = asOperator().getForEntity("/api/notifications?limit=0", Map.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).containsEntry("field", "limit");
    }

    private Map<String, Object> awaitNotification(String kind, long run) {
        Eventually.within(Duration.ofSeconds(30), kind + " of run " + run, () -> find(kind, run) != null);
        return find(kind, run);
    }

    private Map<String, Object> find(String kind, long run) {
        return notifications(50).stream()
                .filter(n -> kind.equals(n.get("kind")) && n.get("runId") != null && ((Number) n.get("runId")).longValue() == run)
                .findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> notifications(int limit) {
        ResponseEntity<List> answer = asOperator().getForEntity("/api/notifications?limit=" + limit, List.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static long id(Map<String, Object> run) {
        return ((Number) run.get("id")).longValue();
    }
}
