package io.fieldsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.fieldsync.testing.MariaDbIntegrationTest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Manual syncs through the operator API: one at a time, recorded with who asked and how it ended. */
class ManualSyncIT extends MariaDbIntegrationTest {

    @Autowired
    CamelContext camel;

    @BeforeEach
    void freshStart() {
        startFresh();
    }

    @Test
    void manualSyncIsRecordedWithWhoAskedAndItsCounts() {
        Map<String, Object> run = syncToEnd();

        assertThat(run.get("trigger")).isEqualTo("MANUAL");
        assertThat(run.get("requestedBy")).isEqualTo(OPERATOR);
        assertThat(run.get("finishedAt")).isNotNull();
        Map<?, ?> contacts = (Map<?, ?>) ((Map<?, ?>) run.get("counts")).get("contact");
        assertThat(contacts.keySet().stream().map(Object::toString).toList()).containsExactlyInAnyOrder("synced", "failed", "skipped");
        // the sample data's contacts all go: a shared name named apart, a bad email address left out
        assertThat(((Number) contacts.get("failed")).intValue()).isZero();
        assertThat(((Number) contacts.get("synced")).intValue())
                .isEqualTo(state.queryForObject("select count(*) from record_link where entity = 'contact'", Integer.class))
                .isPositive();
    }

    @Test
    void secondManualSyncWhileOneRunsIsRefusedNamingTheRunningOne() {
        // hold the run in its first Xero write long enough to ask again
        sandbox.faults().on("POST", "/Contacts").times(1).delay(Duration.ofSeconds(3));
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("sync-run").whenDone(1).create();

        ResponseEntity<Map> running = asOperator().postForEntity("/api/syncs", null, Map.class);
        ResponseEntity<Map> refused = asOperator().postForEntity("/api/syncs", null, Map.class);

        assertThat(running.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("runningSyncId", running.getBody().get("id"));
        assertThat(refused.getBody().get("error").toString()).contains("Sync " + running.getBody().get("id") + " is running");
        assertThat(done.matches(60, TimeUnit.SECONDS)).isTrue();
        awaitEnd(((Number) running.getBody().get("id")).longValue());
    }

    @Test
    void unreachableXeroEndsTheRunAsFailedWithTheReason() {
        sandbox.faults().on("POST", "/Contacts").serverError(503);

        Map<String, Object> run = syncToEnd();

        assertThat(run.get("status")).isEqualTo("FAILED");
        assertThat(run.get("message").toString()).contains("503");
    }
}
