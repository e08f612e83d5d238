package io.fieldsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Viewers read; operators trigger, edit and use Hawtio, whose JMX operation starts a sync. */
class RolesIT extends MariaDbIntegrationTest {

    @BeforeEach
    void freshStart() {
        startFresh();
    }

    @Test
    void aViewerReadsButCannotTriggerOrEdit() {
        assertThat(asViewer().getForEntity("/api/syncs", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asViewer().getForEntity("/api/records", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asViewer().getForEntity("/api/settings", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asViewer().getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(asViewer().postForEntity("/api/syncs", null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asViewer().exchange("/api/settings", HttpMethod.PUT,
                new HttpEntity<>(Map.of("invoices", Map.of("status", "DRAFT"))), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asViewer().postForEntity("/api/records/contact/1/resync", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asViewer().getForEntity("/actuator/hawtio/", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asViewer().postForEntity("/actuator/jolokia", Map.of("type", "search",
                "mbean", "io.fieldsync:type=Syncs,*"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(state.queryForObject("select count(*) from sync_run", Integer.class)).isZero();
        assertThat(state.queryForObject("select count(*) from settings_change", Integer.class)).isZero();
    }

    @Test
    void anOperatorStartsASyncFromHawtiosJmxTreeAndTheRunNamesThem() {
        // as Hawtio's JMX tree does: find the MBean, then run its operation
        ResponseEntity<Map> found = asOperator().postForEntity("/actuator/jolokia",
                Map.of("type", "search", "mbean", "io.fieldsync:type=Syncs,*"), Map.class);
        String mbean = ((java.util.List<?>) found.getBody().get("value")).get(0).toString();
        ResponseEntity<Map> answer = asOperator().postForEntity("/actuator/jolokia", Map.of("type", "exec",
                "mbean", mbean, "operation", "startSync()"), Map.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).as("Jolokia answer").containsKey("value");
        assertThat(answer.getBody().get("value").toString()).startsWith("Sync ").endsWith(" started");
        long id = state.queryForObject("select max(id) from sync_run", Long.class);
        Map<String, Object> run = awaitEnd(id);
        assertThat(run).containsEntry("trigger", "MANUAL").containsEntry("requestedBy", OPERATOR + " (Hawtio/JMX)");
    }
}
