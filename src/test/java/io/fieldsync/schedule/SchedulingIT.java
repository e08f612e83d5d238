package io.fieldsync.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.fieldsync.runs.SyncRuns;
import io.fieldsync.testing.ConnectorProcess;
import io.fieldsync.testing.Eventually;
import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The automatic sync on Quartz's clustered job store: exactly once across nodes, never in
 * parallel with another run, never lost, postponed by maintenance windows; and runs whose node
 * died do not hold the organisation.
 */
class SchedulingIT extends MariaDbIntegrationTest {

    @Autowired
    SyncRuns syncRuns;

    @Autowired
    org.springframework.core.env.Environment environment;

    @TempDir
    java.nio.file.Path workDir;

    /**
     * Other test classes' Spring contexts in this JVM read the same state store, each with a Quartz
     * cluster of its own name: they would fire the schedule set here as a third node (and owe this
     * node a second run). Production nodes share one cluster, as this one and the second node do,
     * so the others are held while these tests run.
     */
    private final List<org.quartz.Scheduler> otherContexts = new java.util.ArrayList<>();

    @BeforeEach
    void freshStart() throws Exception {
        startFresh();
        for (org.quartz.Scheduler other : SCHEDULERS) {
            if (!other.getSchedulerName().equals(quartz.getSchedulerName()) && other.isStarted() && !other.isShutdown() && !other.isInStandbyMode()) {
                other.standby();
                otherContexts.add(other);
            }
        }
    }

    @AfterEach
    void noScheduleLeftBehind() throws Exception {
        sandbox.faults().clear();
        putSettings(Map.of("schedule", nulls("start", "every", "cron"), "maintenance-windows", List.of()));
        for (org.quartz.Scheduler other : otherContexts) {
            // what they scheduled from the settings set here goes before they run again: a trigger
            // missed while held would fire at once (their watchdogs would remove it, but later)
            for (org.quartz.Trigger trigger : other.getTriggersOfJob(SyncSchedule.JOB)) {
                other.unscheduleJob(trigger.getKey());
            }
            other.start();
        }
        otherContexts.clear();
    }

    @Test
    void twoNodesOnOneStateStoreRunAScheduledSyncExactlyOnce() throws Exception {
        try (ConnectorProcess secondNode = startSecondNode()) {
            LocalDateTime inAFewSeconds = LocalDateTime.now(ZoneOffset.UTC).plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);

            // the schedule is set on this node, through the API, while both run: no restart
            ResponseEntity<Map> changed = putSettings(Map.of("schedule", Map.of("start", inAFewSeconds.toString(), "every", "P1D")));
            assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
            Map<?, ?> schedule = asOperator().getForObject("/api/schedule", Map.class);
            assertThat(schedule.get("nextRun")).isEqualTo(inAFewSeconds.toInstant(ZoneOffset.UTC).toString());

            Map<String, Object> run = awaitEnd(Eventually.value(Duration.ofSeconds(60), "a scheduled run", () -> state.queryForList(
                    "select id from sync_run where run_trigger = 'SCHEDULED'", Long.class).stream().findFirst().orElse(null)));
            // give the other node its chance to fire the same time too (cluster check-in is 5 s)
            Thread.sleep(8000);

            assertThat(state.queryForObject("select count(*) from sync_run", Integer.class)).as("runs of either node").isEqualTo(1);
            assertThat(run.get("trigger")).isEqualTo("SCHEDULED");
            assertThat(run.get("requestedBy")).isEqualTo("schedule");
            // other test contexts in this JVM run Quartz clusters of their own names
            assertThat(state.queryForObject("select count(distinct instance_name) from QRTZ_SCHEDULER_STATE where sched_name = ?",
                    Integer.class, quartz.getSchedulerName()))
                    .as("both nodes are in the Quartz cluster").isEqualTo(2);
            int linkedContacts = state.queryForObject("select count(*) from record_link where entity in ('contact', 'vendor')", Integer.class);
            assertThat(sandbox.documents("Contacts")).as("every customer and supplier in Xero once").hasSize(linkedContacts);
            Map<?, ?> after = asOperator().getForObject("/api/schedule", Map.class);
            assertThat(after.get("nextRun")).isEqualTo(inAFewSeconds.plusDays(1).toInstant(ZoneOffset.UTC).toString());
        }
    }

    @Test
    void triggersFiringDuringARunStartOneRunAfterIt() throws Exception {
        sandbox.faults().on("POST", "/Contacts").times(1).delay(Duration.ofSeconds(3));
        long manual = ((Number) asOperator().postForEntity("/api/syncs", null, Map.class).getBody().get("id")).longValue();

        quartz.triggerJob(SyncSchedule.JOB);
        quartz.triggerJob(SyncSchedule.JOB);
        Eventually.within(Duration.ofSeconds(60), "a scheduled run owed",
                () -> Boolean.TRUE.equals(asOperator().getForObject("/api/schedule", Map.class).get("runOwed")));
        assertThat(state.queryForObject("select count(*) from sync_run where status = 'RUNNING'", Integer.class))
                .as("never two runs at once").isEqualTo(1);

        Map<String, Object> manualRun = awaitEnd(manual);
        long owed = Eventually.value(Duration.ofSeconds(60), "the owed run", () -> state.queryForList("select id from sync_run where run_trigger = 'SCHEDULED'", Long.class)
                .stream().findFirst().orElse(null));
        Map<String, Object> owedRun = awaitEnd(owed);
        Thread.sleep(1000);

        assertThat(state.queryForObject("select count(*) from sync_run where run_trigger = 'SCHEDULED'", Integer.class))
                .as("two triggers during one run owe one run").isEqualTo(1);
        assertThat(Instant.parse(owedRun.get("startedAt").toString()))
                .isAfterOrEqualTo(Instant.parse(manualRun.get("finishedAt").toString()).truncatedTo(ChronoUnit.SECONDS));
        assertThat(owedRun.get("requestedBy").toString()).contains("schedule");
        assertThat(state.queryForObject("select count(*) from xero_tenant where sync_due_at is not null", Integer.class)).isZero();
    }

    @Test
    void aRunWhoseNodeStoppedIsInterruptedAndDoesNotBlockTheNext() {
        long tenant = state.queryForObject("select id from xero_tenant", Long.class);
        Timestamp tenMinutesAgo = Timestamp.from(Instant.now().minus(Duration.ofMinutes(10)));
        state.update("insert into sync_run (tenant_ref, status, run_trigger, requested_by, node_id, started_at, heartbeat_at)"
                + " values (?, 'RUNNING', 'SCHEDULED', 'schedule', 'killed-node', ?, ?)", tenant, tenMinutesAgo, tenMinutesAgo);
        long dead = state.queryForObject("select max(id) from sync_run", Long.class);

        ResponseEntity<Map> started = asOperator().postForEntity("/api/syncs", null, Map.class);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        Map<String, Object> interrupted = asOperator().getForObject("/api/syncs/" + dead, Map.class);
        assertThat(interrupted.get("status")).isEqualTo("INTERRUPTED");
        assertThat(interrupted.get("message").toString()).contains("killed-node").contains("watermarks");
        assertThat(awaitEnd(((Number) started.getBody().get("id")).longValue()).get("status")).isNotEqualTo("FAILED");
    }

    @Test
    void theWatchdogInterruptsARunWithoutHeartbeatsButNotALiveOne() {
        long tenant = state.queryForObject("select id from xero_tenant", Long.class);
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofMinutes(30)));
        Timestamp justNow = Timestamp.from(Instant.now());
        state.update("insert into sync_run (tenant_ref, status, run_trigger, node_id, started_at, heartbeat_at)"
                + " values (?, 'RUNNING', 'MANUAL', 'killed-node', ?, ?)", tenant, longAgo, longAgo);
        long dead = state.queryForObject("select max(id) from sync_run", Long.class);
        state.update("insert into sync_run (tenant_ref, status, run_trigger, node_id, started_at, heartbeat_at)"
                + " values (?, 'RUNNING', 'MANUAL', 'live-node', ?, ?)", tenant, longAgo, justNow);
        long live = state.queryForObject("select max(id) from sync_run", Long.class);

        syncRuns.interruptStale();

        assertThat(state.queryForObject("select status from sync_run where id = ?", String.class, dead)).isEqualTo("INTERRUPTED");
        assertThat(state.queryForObject("select status from sync_run where id = ?", String.class, live)).isEqualTo("RUNNING");
        ResponseEntity<Map> refused = asOperator().postForEntity("/api/syncs", null, Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("runningSyncId", (int) live);
        state.update("update sync_run set status = 'INTERRUPTED' where id = ?", live);
    }

    @Test
    void aMaintenanceWindowRefusesManualSyncsAndPostponesScheduledOnes() throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        LocalDateTime end = now.plusHours(1);
        assertThat(putSettings(Map.of("maintenance-windows", List.of(Map.of("start", now.minusMinutes(5).toString(),
                "end", end.toString())))).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<Map> refused = asOperator().postForEntity("/api/syncs", null, Map.class);
        quartz.triggerJob(SyncSchedule.JOB);
        Trigger postponed = Eventually.value(Duration.ofSeconds(60), "the postponed trigger", () -> {
            try {
                return quartz.getTrigger(SyncSchedule.POSTPONED);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("error").toString()).contains("maintenance window");
        assertThat(refused.getBody().get("maintenanceUntil").toString()).startsWith(end.toString());
        assertThat(postponed.getNextFireTime().toInstant()).isEqualTo(end.toInstant(ZoneOffset.UTC));
        assertThat(state.queryForObject("select count(*) from sync_run", Integer.class)).isZero();

        putSettings(Map.of("maintenance-windows", List.of()));
        ResponseEntity<Map> after = asOperator().postForEntity("/api/syncs", null, Map.class);
        assertThat(after.getStatusCode()).as("%s", after.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        awaitEnd(state.queryForObject("select max(id) from sync_run", Long.class));
    }

    /** A second instance of the connector, in its own JVM, on the same two databases and the same Xero (this node's sandbox). */
    private ConnectorProcess startSecondNode() throws Exception {
        // the cluster is the scheduler name: this test JVM's context has its own
        return startConnectorProcess(workDir, "second-node",
                "--spring.quartz.scheduler-name=" + environment.getProperty("spring.quartz.scheduler-name"));
    }

    private static Map<String, Object> nulls(String... names) {
        Map<String, Object> map = new java.util.HashMap<>();
        for (String name : names) {
            map.put(name, null);
        }
        return map;
    }
}
