package io.fieldsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.fieldsync.runs.SyncRuns;
import io.fieldsync.sandbox.SandboxCall;
import io.fieldsync.testing.Eventually;
import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Fencing: a run that lost its organisation while it waited on Xero (its node cut off from the
 * state store past stale-after, and another node took the organisation over) sends nothing more
 * and its end does not overwrite the status the other node gave it. The other node is played by
 * the test, writing to the state store what its start writes: the run INTERRUPTED, the
 * organisation's epoch taken by a run of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class RunFencingIT extends MariaDbIntegrationTest {

    /** Long enough for the test to take the organisation over while the first contact batch is held in Xero. */
    private static final Duration HELD = Duration.ofSeconds(5);
    private static final String TAKEN_OVER = "Interrupted: node other-node took over (test)";

    @Autowired
    SyncRuns syncRuns;

    @BeforeEach
    void freshStart() {
        startFresh();
    }

    @Test
    void aRunThatLostItsOrganisationSendsNothingMoreAndKeepsTheStatusTheOtherNodeGaveIt(CapturedOutput output) {
        sandbox.faults().on("POST", "/Contacts").times(1).delay(HELD);
        ResponseEntity<Map> started = asOperator().postForEntity("/api/syncs", null, Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long fenced = ((Number) started.getBody().get("id")).longValue();
        // the run's first reads (tax rates, accounts) are in progress briefly too: wait for the contact batch itself
        Eventually.within(Duration.ofSeconds(60), "a contact batch held in Xero", () -> sandbox.requestsInProgress() > 0
                && sandbox.calls().stream().anyMatch(call -> call.method().equals("POST") && call.collection().equals("Contacts")));

        // another node takes the organisation, as its start does after this run's heartbeats went stale
        long tenant = state.queryForObject("select tenant_ref from sync_run where id = ?", Long.class, fenced);
        Instant takenOver = Instant.now();
        state.update("update xero_tenant set run_epoch = run_epoch + 1 where id = ?", tenant);
        state.update("update sync_run set status = 'INTERRUPTED', message = ?, finished_at = ? where id = ?",
                TAKEN_OVER, Timestamp.from(takenOver), fenced);
        state.update("insert into sync_run (tenant_ref, status, run_trigger, requested_by, node_id, started_at, heartbeat_at,"
                        + " run_epoch) values (?, 'RUNNING', 'MANUAL', 'operator', 'other-node', ?, ?,"
                        + " (select run_epoch from xero_tenant where id = ?))",
                tenant, Timestamp.from(takenOver), Timestamp.from(takenOver), tenant);
        long owner = state.queryForObject("select max(id) from sync_run", Long.class);
        try {
            // its heartbeat notices at once that it changed no row
            syncRuns.heartbeat();
            assertThat(output.getOut()).contains("Sync run " + fenced + " lost its organisation: it is INTERRUPTED");

            Eventually.within(Duration.ofSeconds(60), "the fenced run stopped once Xero answered the held batch",
                    () -> output.getOut().contains("Sync " + fenced + " lost its organisation to sync " + owner
                            + " (node other-node)"));
            pause(Duration.ofSeconds(2)); // time for anything it would still send

            List<SandboxCall> after = sandbox.calls().stream().filter(call -> call.at().isAfter(takenOver)).toList();
            assertThat(after).as("calls to Xero after the run lost its organisation").isEmpty();
            Map<String, Object> run = state.queryForMap("select status, message, finished_at from sync_run where id = ?", fenced);
            assertThat(run.get("status")).as("its end does not overwrite the other node's").isEqualTo("INTERRUPTED");
            assertThat(run.get("message")).isEqualTo(TAKEN_OVER);
            assertThat(state.queryForObject("select count(*) from record_status where status = 'SYNCED'", Integer.class))
                    .as("outcomes written by the fenced run").isZero();
            assertThat(state.queryForObject("select count(*) from record_status where entity = 'contact'"
                    + " and attempted_at is not null", Integer.class))
                    .as("the held batch stays 'sent, no answer', for the owner to look up").isPositive();
            assertThat(state.queryForObject("select count(*) from watermark where tenant_ref = ? and direction = 'push'",
                    Integer.class, tenant)).as("push watermarks moved by the fenced run").isZero();
            assertThat(state.queryForObject("select status from sync_run where id = ?", String.class, owner))
                    .as("the owner's run").isEqualTo("RUNNING");
        } finally {
            state.update("update sync_run set status = 'INTERRUPTED', finished_at = ? where id = ?",
                    Timestamp.from(Instant.now()), owner);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
