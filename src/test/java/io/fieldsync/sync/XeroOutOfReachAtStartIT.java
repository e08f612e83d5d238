package io.fieldsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.fieldsync.demo.FieldServiceSchema;
import io.fieldsync.demo.SampleData;
import io.fieldsync.sandbox.SandboxSettings;
import io.fieldsync.testing.IntegrationTestDatabases;
import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * A node that has not reached Xero yet (just started, custom connection) is asked for a sync while
 * Xero's token endpoint cannot be reached: the sync is recorded as a FAILED run with the reason,
 * the connection shows UNREACHABLE with when and why, and one alert says so. Its own Spring
 * context (the tenant id setting), so nothing reached Xero before the test.
 */
@TestPropertySource(properties = "fieldsync.xero.tenant-id=" + SandboxSettings.DEFAULT_TENANT_ID)
class XeroOutOfReachAtStartIT extends MariaDbIntegrationTest {

    @Test
    void aSyncThatCannotStartBecauseXeroCannotBeReachedIsAFailedRunWithTheReasonAndOneAlert() {
        FieldServiceSchema.drop(sourceDataSource);
        FieldServiceSchema.create(sourceDataSource);
        new SampleData(IntegrationTestDatabases.SIZE).writeTo(sourceDataSource);
        for (String table : new String[] {"dead_letter", "xero_payment", "attachment_export", "sync_run_count", "sync_run_step", "sync_run",
                "record_link", "record_status", "watermark", "alert_outbox", "alert_condition", "xero_reachability"}) {
            state.update("delete from " + table);
        }
        sandbox.reset();
        sandbox.faults().on("POST", "^/connect/token$").unreachable();

        ResponseEntity<Map> started = asOperator().postForEntity("/api/syncs", null, Map.class);
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        Map<String, Object> run = awaitEnd(((Number) started.getBody().get("id")).longValue());
        assertThat(run).containsEntry("status", "FAILED");
        assertThat((String) run.get("message")).contains("token endpoint").contains("cannot be reached");

        Map<String, Object> status = asViewer().getForObject("/api/xero/connection", Map.class);
        assertThat(status).containsEntry("status", "UNREACHABLE").containsKey("unreachableSince");
        assertThat((String) status.get("unreachableReason")).contains("cannot be reached");

        ResponseEntity<Map> again = asOperator().postForEntity("/api/syncs", null, Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(awaitEnd(((Number) again.getBody().get("id")).longValue())).containsEntry("status", "FAILED");
        assertThat(alerts()).as("one alert while it lasts").containsExactly("xero-unreachable");

        sandbox.faults().clear();
        Map<String, Object> back = syncToEnd();
        assertThat(back.get("status")).as(String.valueOf(back.get("message"))).isIn("SUCCEEDED", "COMPLETED_WITH_ERRORS");
        assertThat(asViewer().getForObject("/api/xero/connection", Map.class)).containsEntry("status", "CONNECTED");
    }

    private List<String> alerts() {
        return state.queryForList("select condition_key from alert_outbox where kind = 'ALERT' order by id", String.class);
    }
}
