package io.fieldsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.fieldsync.testing.MariaDbIntegrationTest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A manual sync of the sample data against the sandbox, start to end, on MariaDB: the run is
 * recorded, every customer ends SYNCED or FAILED with Xero's words, and a second run updates
 * rather than duplicates.
 */
class ManualSyncIT extends MariaDbIntegrationTest {

    @Autowired
    CamelContext camel;

    @Autowired
    @Qualifier("sourceDataSource")
    javax.sql.DataSource source;

    @Autowired
    JdbcTemplate state;

    @AfterEach
    void noFaultsLeftBehind() {
        sandbox.faults().clear();
    }

    @Test
    void manualSyncPushesEveryActiveCustomerOnceAndSecondRunUpdatesInsteadOfDuplicating() {
        int activeCustomers = new JdbcTemplate(source)
                .queryForObject("select count(*) from customers where deleted_at is null", Integer.class);

        Map<String, Object> first = runToEnd();

        assertThat(first.get("status")).isIn("SUCCEEDED", "COMPLETED_WITH_ERRORS");
        assertThat(first.get("trigger")).isEqualTo("MANUAL");
        assertThat(first.get("requestedBy")).isEqualTo(OPERATOR);
        Map<?, ?> contactCounts = (Map<?, ?>) ((Map<?, ?>) first.get("counts")).get("contact");
        int synced = ((Number) contactCounts.get("synced")).intValue();
        int failed = ((Number) contactCounts.get("failed")).intValue();
        assertThat(contactCounts.get("skipped")).isEqualTo(0);
        assertThat(synced + failed).isEqualTo(activeCustomers);
        assertThat(synced).isPositive();
        assertThat(sandbox.documents("Contacts")).hasSize(synced);
        assertThat(state.queryForObject("select count(*) from record_link where entity = 'contact'", Integer.class))
                .isEqualTo(synced);
        List<String> failures = state.queryForList(
                "select message from record_status where entity = 'contact' and status = 'FAILED'", String.class);
        assertThat(failures).hasSize(failed).allSatisfy(message -> assertThat(message).isNotBlank());

        Map<String, Object> second = runToEnd();

        assertThat(second.get("id")).isNotEqualTo(first.get("id"));
        assertThat(sandbox.documents("Contacts")).as("updated, not created again").hasSize(synced);
        List<String> numbers = sandbox.documents("Contacts").stream()
                .map(contact -> contact.path("ContactNumber").asText()).distinct().toList();
        assertThat(numbers).hasSize(synced);
    }

    @Test
    void secondManualSyncWhileOneRunsIsRefusedNamingTheRunningOne() {
        // hold the run in its first Xero call long enough to ask again
        sandbox.faults().on("POST", "/Contacts").times(1).delay(Duration.ofSeconds(3));
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("sync-run").whenDone(1).create();

        ResponseEntity<Map> running = asOperator().postForEntity("/api/syncs", null, Map.class);
        ResponseEntity<Map> refused = asOperator().postForEntity("/api/syncs", null, Map.class);

        assertThat(running.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("runningSyncId", running.getBody().get("id"));
        assertThat(refused.getBody().get("error").toString()).contains("Sync " + running.getBody().get("id") + " is running");
        assertThat(done.matches(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void unreachableXeroEndsTheRunAsFailedWithTheReason() {
        sandbox.faults().on("POST", "/Contacts").serverError(503);

        Map<String, Object> run = runToEnd();

        assertThat(run.get("status")).isEqualTo("FAILED");
        assertThat(run.get("message").toString()).contains("503");
    }

    /** Starts a manual sync through the API and waits for the sync-run route to finish it. */
    private Map<String, Object> runToEnd() {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("sync-run").whenDone(1).create();
        ResponseEntity<Map> started = asOperator().postForEntity("/api/syncs", null, Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getBody()).containsEntry("status", "RUNNING").containsEntry("trigger", "MANUAL");
        assertThat(done.matches(60, java.util.concurrent.TimeUnit.SECONDS)).as("sync finished").isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> finished = asOperator().getForObject("/api/syncs/" + started.getBody().get("id"), Map.class);
        return finished;
    }
}
