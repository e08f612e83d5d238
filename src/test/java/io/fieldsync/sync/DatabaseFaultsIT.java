package io.fieldsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.fieldsync.testing.Eventually;
import io.fieldsync.testing.IntegrationTestDatabases;
import io.fieldsync.testing.MariaDb;
import io.fieldsync.testing.MariaDbIntegrationTest;
import io.fieldsync.testing.TcpProxy;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The field-service database or the state store going away in the middle of a run. The connector
 * reaches both through a {@link TcpProxy} that can cut them; the test reads both straight. The run
 * ends FAILED with a message naming the database and an alert, nothing is left half-written, and
 * the next run resumes from the watermarks with every record in Xero exactly once.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseFaultsIT extends MariaDbIntegrationTest {

    private static final TcpProxy sourceProxy = MariaDb.proxy();
    private static final TcpProxy stateProxy = MariaDb.proxy();
    /** How long a pool waits for a connection before it gives up on its database. */
    private static final Duration POOL_TIMEOUT = Duration.ofSeconds(2);
    /** entity -> its field-service table. */
    private static final Map<String, String> TABLES = Map.of("contact", "customers", "vendor", "vendors",
            "item", "materials", "invoice", "invoices");

    /**
     * Both databases through their proxies. A registrar bean, not a {@code @DynamicPropertySource}:
     * Spring applies registrars after MariaDbIntegrationTest's method, so these URLs win.
     */
    @TestConfiguration
    static class ThroughProxies {
        @Bean
        DynamicPropertyRegistrar databasesThroughProxies() {
            return registry -> {
                registry.add("fieldsync.source.url", () -> MariaDb.urlThrough(sourceProxy, IntegrationTestDatabases.SOURCE));
                registry.add("spring.datasource.url", () -> MariaDb.urlThrough(stateProxy, IntegrationTestDatabases.STATE));
            };
        }
    }

    @DynamicPropertySource
    static void faultSettings(DynamicPropertyRegistry registry) {
        registry.add("fieldsync.source.hikari.connection-timeout", POOL_TIMEOUT::toMillis);
        registry.add("spring.datasource.hikari.connection-timeout", POOL_TIMEOUT::toMillis);
        // several pages per entity, so a database can go between two of them
        registry.add("fieldsync.sync.page-size", () -> 10);
        registry.add("fieldsync.sync.heartbeat-interval-ms", () -> 500);
    }

    /** Both databases straight, not through the proxies: readable while the connector's are cut. */
    private final JdbcTemplate stateStore = straight(IntegrationTestDatabases.STATE);
    private final JdbcTemplate fieldService = straight(IntegrationTestDatabases.SOURCE);

    @Autowired
    CamelContext camel;

    /** The state store's pool. */
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void freshStart() {
        assertThat(((HikariDataSource) sourceDataSource).getJdbcUrl()).as("the field-service pool goes through its proxy")
                .contains("127.0.0.1:" + sourceProxy.port() + "/");
        HikariDataSource statePool = (HikariDataSource) dataSource;
        assertThat(statePool.getJdbcUrl()).as("the state pool goes through its proxy").contains("127.0.0.1:" + stateProxy.port() + "/");
        assertThat(statePool.getConnectionTimeout()).as("spring.datasource.hikari.* applies to the state pool")
                .isEqualTo(POOL_TIMEOUT.toMillis());
        assertThat(((HikariDataSource) sourceDataSource).getConnectionTimeout())
                .as("fieldsync.source.hikari.* applies to the field-service pool").isEqualTo(POOL_TIMEOUT.toMillis());
        awaitConnection(sourceDataSource, "the field-service pool connects");
        awaitConnection(dataSource, "the state pool connects");
        startFresh();
    }

    @AfterEach
    void databasesBack() {
        sandbox.faults().clear();
        sourceProxy.restore();
        stateProxy.restore();
    }

    @AfterAll
    static void closeProxies() {
        sourceProxy.close();
        stateProxy.close();
    }

    @Test
    void theFieldServiceDatabaseLostMidRunFailsTheRunWithAnAlertAndTheNextRunResumesFromTheWatermarks() {
        // a page of contacts takes three seconds: the cut lands while later pages are still to be read
        // (the push reads one page ahead of the one at Xero)
        sandbox.faults().on("POST", "/Contacts").delay(Duration.ofSeconds(3));
        long run = startSync();
        Eventually.within(Duration.ofSeconds(60), "the first page of contacts committed",
                () -> watermark("contact") != null);

        sourceProxy.cut();

        Map<String, Object> failed = awaitEnd(run);
        assertThat(failed.get("status")).isEqualTo("FAILED");
        assertThat((String) failed.get("message")).startsWith("field-service database unreachable: ");
        Map<String, Object> alert = awaitAlert(run);
        assertThat(alert.get("condition_key")).isEqualTo("source-db-unreachable");
        assertThat((String) alert.get("subject")).contains("field-service database cannot be reached");
        assertThat((String) alert.get("body")).contains("field-service database unreachable: ");
        assertThat(withoutOutcome("contact")).as("the run stopped in the middle of the contacts").isNotEmpty();
        assertNothingHalfWritten(run);

        sourceProxy.restore();
        awaitConnection(sourceDataSource, "the field-service pool connects again"); // Hikari retries with a back-off
        sandbox.faults().clear();
        Map<String, Object> next = syncToEnd();

        assertThat(next.get("status")).as("run %s", next).isEqualTo("COMPLETED_WITH_ERRORS");
        assertEveryRecordInXeroOnce();
        assertThat(stateStore.queryForObject("select count(*) from alert_condition where condition_key = 'source-db-unreachable'",
                Integer.class)).as("a completed run clears the condition").isZero();
    }

    @Test
    void theStateStoreLostMidRunEndsTheRunWhichIsRecordedFailedOnceItIsBackAndNothingGoesToXeroTwice(CapturedOutput log) {
        sandbox.faults().on("POST", "/Contacts").delay(Duration.ofSeconds(2)); // a page of contacts is at Xero for 2 s
        long run = startSync();
        Eventually.within(Duration.ofSeconds(60), "a page of contacts committed and the next one at Xero", () ->
                watermark("contact") != null && stateStore.queryForObject(
                        "select count(*) from record_status where entity = 'contact' and attempted_at is not null",
                        Integer.class) > 0);

        stateProxy.cut();

        Eventually.within(Duration.ofSeconds(60), "the run's route has ended", () -> camel.getInflightRepository().size("sync-run") == 0);
        assertThat(stateStore.queryForObject("select status from sync_run where id = ?", String.class, run))
                .as("its end cannot be written while the state store is away").isEqualTo("RUNNING");
        assertThat(log.getAll()).as("said loudly meanwhile").containsPattern("ERROR .*Sync run " + run
                + " ended FAILED \\(state database unreachable: .*\\), but the state store cannot record it");
        ResponseEntity<Map> meanwhile = asOperator().getForEntity("/api/syncs/" + run, Map.class);
        assertThat(meanwhile.getStatusCode()).as("the operator API says what is missing").isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat((String) meanwhile.getBody().get("error")).startsWith("A database the connector needs cannot be reached");

        Instant restored = Instant.now();
        stateProxy.restore();

        Eventually.within(Duration.ofSeconds(30), "run " + run + "'s end recorded once the state store is back", () ->
                !"RUNNING".equals(stateStore.queryForObject("select status from sync_run where id = ?", String.class, run)));
        Map<String, Object> failed = asOperator().getForObject("/api/syncs/" + run, Map.class);
        assertThat(failed.get("status")).isEqualTo("FAILED");
        assertThat((String) failed.get("message")).startsWith("state database unreachable: ");
        assertThat(Instant.parse((String) failed.get("finishedAt"))).as("the time it ended, not the time it was written")
                .isBefore(restored);
        Map<String, Object> alert = awaitAlert(run);
        assertThat(alert.get("condition_key")).isEqualTo("state-db-unreachable");
        assertThat((String) alert.get("subject")).contains("state database cannot be reached");
        assertThat(stateStore.queryForObject("select count(*) from record_status where entity = 'contact' and attempted_at is not null",
                Integer.class)).as("the page whose answer was lost is known as sent").isPositive();
        assertThat(sandbox.documents("Contacts")).as("Xero took that page: sending it again would make duplicates")
                .hasSizeGreaterThan(stateStore.queryForObject("select count(*) from record_link", Integer.class));
        assertNothingHalfWritten(run);

        sandbox.faults().clear();
        Map<String, Object> next = syncToEnd();

        assertThat(next.get("status")).as("run %s", next).isEqualTo("COMPLETED_WITH_ERRORS");
        assertEveryRecordInXeroOnce();
        assertThat(stateStore.queryForObject("select count(*) from alert_condition where condition_key = 'state-db-unreachable'",
                Integer.class)).as("a completed run clears the condition").isZero();
    }

    private long startSync() {
        ResponseEntity<Map> started = asOperator().postForEntity("/api/syncs", null, Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return ((Number) started.getBody().get("id")).longValue();
    }

    private static void awaitConnection(DataSource pool, String what) {
        Eventually.within(Duration.ofSeconds(30), what, () -> {
            try (Connection connection = pool.getConnection()) {
                return connection.isValid(1);
            } catch (SQLException notYet) {
                return false;
            }
        });
    }

    private Map<String, Object> awaitAlert(long run) {
        return Eventually.value(Duration.ofSeconds(30), "the alert of run " + run, () -> stateStore.queryForList(
                "select * from alert_outbox where kind = 'ALERT' and run_id = ?", run).stream().findFirst().orElse(null));
    }

    /**
     * What a run leaves behind when a database goes in its middle: each link with its record's
     * outcome, no watermark past a record without an outcome, and the run's counts equal to the
     * outcomes it recorded.
     */
    private void assertNothingHalfWritten(long run) {
        assertThat(stateStore.queryForList("""
                select l.entity, l.local_id from record_link l
                  left join record_status s on s.tenant_ref = l.tenant_ref and s.entity = l.entity and s.local_id = l.local_id
                 where s.id is null or (s.status <> 'SYNCED' and s.attempted_at is null)""")).as("links without an outcome").isEmpty();
        assertThat(stateStore.queryForList("""
                select s.entity, s.local_id from record_status s
                  left join record_link l on l.tenant_ref = s.tenant_ref and l.entity = s.entity and l.local_id = s.local_id
                 where s.status = 'SYNCED' and l.id is null""")).as("SYNCED records without a link").isEmpty();
        TABLES.forEach((entity, table) -> {
            Map<String, Object> watermark = watermark(entity);
            if (watermark == null) {
                return;
            }
            List<Long> behind = fieldService.queryForList("select id from " + table
                            + " where updated_at < ? or (updated_at = ? and id <= ?)", Long.class,
                    watermark.get("at"), watermark.get("at"), watermark.get("id"));
            assertThat(withOutcome(entity)).as("%s records the watermark has passed", entity).containsAll(behind);
        });
        Map<String, Integer> counted = new HashMap<>();
        stateStore.query("select entity, status, record_count from sync_run_count where run_id = ? and record_count > 0",
                row -> { counted.put(row.getString(1) + " " + row.getString(2), row.getInt(3)); }, run);
        Map<String, Integer> recorded = new HashMap<>();
        stateStore.query("select entity, status, count(*) from record_status where last_run_id = ? and status <> 'PENDING'"
                + " group by entity, status", row -> { recorded.put(row.getString(1) + " " + row.getString(2), row.getInt(3)); }, run);
        assertThat(counted).as("run %s's counts", run).isNotEmpty().isEqualTo(recorded);
    }

    /**
     * After the run that recovered: every field-service record has its outcome, Xero holds exactly
     * the linked records (nothing created twice, nothing lost), and every watermark is at the end.
     */
    private void assertEveryRecordInXeroOnce() {
        assertThat(stateStore.queryForObject("select count(*) from record_status where status = 'PENDING' or attempted_at is not null",
                Integer.class)).as("records waiting or without an answer").isZero();
        TABLES.forEach((entity, table) -> {
            assertThat(withOutcome(entity)).as("%s records with an outcome", entity)
                    .containsExactlyInAnyOrderElementsOf(fieldService.queryForList("select id from " + table, Long.class));
            // to the second: the MySQL driver drops the fraction on MariaDB (which calls itself 5.5.5)
            LocalDateTime last = fieldService.queryForObject("select max(updated_at) from " + table, LocalDateTime.class);
            assertThat(((LocalDateTime) watermark(entity).get("at")).truncatedTo(ChronoUnit.SECONDS)).as("%s watermark", entity)
                    .isEqualTo(last.truncatedTo(ChronoUnit.SECONDS));
        });
        assertXeroHoldsTheLinked("Contacts", "contact", "vendor");
        assertXeroHoldsTheLinked("Items", "item");
        assertXeroHoldsTheLinked("Invoices", "invoice", "bill");
        assertThat(sandbox.documents("Contacts")).extracting(c -> c.path("Name").asText()).doesNotHaveDuplicates();
        assertThat(sandbox.documents("Invoices")).filteredOn(i -> "ACCREC".equals(i.path("Type").asText()))
                .extracting(i -> i.path("InvoiceNumber").asText()).doesNotHaveDuplicates();
        assertThat(sandbox.documents("Invoices")).filteredOn(i -> "ACCPAY".equals(i.path("Type").asText()))
                .extracting(i -> i.path("Reference").asText()).as("one bill per purchase order").doesNotHaveDuplicates();
        SampleOutcomes.assertOnlyKnownFailures(stateStore);
    }

    private void assertXeroHoldsTheLinked(String collection, String... entities) {
        List<String> inXero = sandbox.documents(collection).stream()
                .map(d -> d.path(collection.equals("Items") ? "ItemID" : collection.equals("Invoices") ? "InvoiceID" : "ContactID").asText())
                .toList();
        List<String> linked = stateStore.queryForList("select l.xero_id from record_link l join record_status s"
                + " on s.tenant_ref = l.tenant_ref and s.entity = l.entity and s.local_id = l.local_id"
                + " where s.status = 'SYNCED' and l.entity in ('" + String.join("','", entities) + "')", String.class);
        assertThat(inXero).as("%s in Xero", collection).isNotEmpty().doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(linked);
    }

    /** Local ids of the entity's records with an outcome: SYNCED, FAILED, SKIPPED, or sent and awaiting the answer. */
    private Set<Long> withOutcome(String entity) {
        return new HashSet<>(stateStore.queryForList("select local_id from record_status where entity = ?"
                + " and (status <> 'PENDING' or attempted_at is not null)", Long.class, entity));
    }

    /** Field-service records of the entity without any status: not read yet. */
    /** An entity's records with no outcome yet: never read, or read and still waiting to be sent (PENDING). */
    private Set<Long> withoutOutcome(String entity) {
        Set<Long> open = new HashSet<>(fieldService.queryForList("select id from " + TABLES.get(entity), Long.class));
        open.removeAll(stateStore.queryForList("select local_id from record_status where entity = ? and status <> 'PENDING'",
                Long.class, entity));
        return open;
    }

    /** The entity's push watermark as {@code at} (the field-service updated_at) and {@code id}, or null. */
    private Map<String, Object> watermark(String entity) {
        return stateStore.query("select last_updated_at, last_id from watermark where entity = ? and direction = 'push'",
                rows -> rows.next() ? Map.<String, Object>of("at", rows.getObject(1, LocalDateTime.class), "id", rows.getLong(2)) : null,
                entity);
    }

    private static JdbcTemplate straight(String database) {
        return new JdbcTemplate(new DriverManagerDataSource(MariaDb.url(database), MariaDb.USERNAME, MariaDb.PASSWORD));
    }
}
