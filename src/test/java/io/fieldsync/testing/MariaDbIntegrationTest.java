package io.fieldsync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.fieldsync.sandbox.XeroSandbox;
import io.fieldsync.schedule.SyncSchedule;
import io.fieldsync.settings.RuntimeSettings;
import io.fieldsync.xero.XeroConnection;
import io.fieldsync.xero.XeroTokens;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.AfterEach;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boots the whole connector against MariaDB for both databases and the in-process Xero sandbox.
 * After every test, every request the connector sent must have conformed to Xero's OpenAPI
 * contract. Metrics are exported as in production.
 */
@CamelSpringBootTest
@DisableJmx(false) // Hawtio reads the routes through JMX, as in production
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // /actuator/prometheus as in production (Spring Boot leaves it out of tests)
public abstract class MariaDbIntegrationTest {

    protected static final String OPERATOR = "operator";
    protected static final String OPERATOR_PASSWORD = "it-operator-secret";
    protected static final String VIEWER = "accountant";
    private static final java.util.concurrent.atomic.AtomicInteger CONTEXTS = new java.util.concurrent.atomic.AtomicInteger();
    protected static final String VIEWER_PASSWORD = "it-viewer-secret";

    @Autowired
    protected XeroSandbox sandbox;

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    @Qualifier("sourceDataSource")
    protected DataSource sourceDataSource;

    /** The state store. */
    @Autowired
    protected JdbcTemplate state;

    @Autowired
    private XeroTokens tokens;

    @Autowired
    private XeroConnection connection;

    @Autowired
    protected RuntimeSettings runtimeSettings;

    @Autowired
    protected Scheduler quartz;

    /**
     * Same sample data, empty state store (settings changed through the API included), empty
     * sandbox, no postponed scheduled run: for tests that count what a sync did.
     */
    protected void startFresh() {
        startFresh(null);
    }

    /** As {@link #startFresh()}, with the field-service database filled by {@code fill} instead of the sample data. */
    protected void startFresh(java.util.function.Consumer<DataSource> fill) {
        if (fill == null) {
            FreshStart.everything(sourceDataSource, state, sandbox, tokens, connection);
        } else {
            FreshStart.everything(sourceDataSource, fill, state, sandbox, tokens, connection);
        }
        runtimeSettings.reloadIfChanged();
        try {
            quartz.unscheduleJob(SyncSchedule.POSTPONED);
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        IntegrationTestDatabases.prepareOnce();
        registry.add("spring.datasource.url", () -> MariaDb.url(IntegrationTestDatabases.STATE));
        registry.add("spring.datasource.username", () -> MariaDb.USERNAME);
        registry.add("spring.datasource.password", () -> MariaDb.PASSWORD);
        registry.add("fieldsync.source.url", () -> MariaDb.url(IntegrationTestDatabases.SOURCE));
        registry.add("fieldsync.source.username", () -> MariaDb.USERNAME);
        registry.add("fieldsync.source.password", () -> MariaDb.PASSWORD);
        // many syncs a minute: Xero's real per-minute limit would make the suite wait for windows
        registry.add("fieldsync.xero.limits.per-window", () -> 1000);
        registry.add("fieldsync.xero.limits.per-day", () -> 100_000);
        // the same back-off, in milliseconds instead of seconds
        registry.add("fieldsync.xero.retry.initial-delay-ms", () -> 50);
        registry.add("fieldsync.xero.retry.max-delay-ms", () -> 400);
        registry.add("spring.security.user.name", () -> OPERATOR);
        registry.add("spring.security.user.password", () -> OPERATOR_PASSWORD);
        registry.add("fieldsync.security.users[0].name", () -> VIEWER);
        registry.add("fieldsync.security.users[0].password", () -> VIEWER_PASSWORD);
        registry.add("fieldsync.security.users[0].role", () -> "viewer");
        registry.add("fieldsync.schedule.zone", () -> "UTC");
        // Spring Boot switches JMX off in tests; Hawtio's JMX operations need it as in production.
        // Test classes with settings of their own get a Spring context of their own in the same
        // JVM: unique MBean names and a Quartz scheduler (cluster) of their own keep them apart.
        registry.add("spring.jmx.enabled", () -> true);
        registry.add("spring.jmx.unique-names", () -> true);
        String scheduler = "fieldsync-it-" + CONTEXTS.incrementAndGet();
        registry.add("spring.quartz.scheduler-name", () -> scheduler);
        // and a node of their own: a context starting ends the runs its node's other processes left RUNNING
        registry.add("fieldsync.node-id", () -> scheduler);
    }

    /** The operator's script: their login and the header that marks a request as no other site's page. */
    protected TestRestTemplate asOperator() {
        return ApiScripts.withScriptHeader(http.withBasicAuth(OPERATOR, OPERATOR_PASSWORD));
    }

    protected TestRestTemplate asViewer() {
        return ApiScripts.withScriptHeader(http.withBasicAuth(VIEWER, VIEWER_PASSWORD));
    }

    /**
     * Another connector in its own JVM ({@code java -jar target/fieldsync.jar}) on this test's two
     * databases, with this test JVM's sandbox as its Xero and the same operator login: a second
     * node, or a process to kill. {@code settings} are more {@code --name=value} arguments; one
     * that names a default's setting replaces it (e.g. a state store reached through a {@link TcpProxy}).
     */
    protected ConnectorProcess startConnectorProcess(Path workDir, String nodeId, String... settings) throws Exception {
        List<String> defaults = List.of(
                "--spring.datasource.url=" + MariaDb.url(IntegrationTestDatabases.STATE),
                "--spring.datasource.username=" + MariaDb.USERNAME,
                "--spring.datasource.password=" + MariaDb.PASSWORD,
                "--fieldsync.source.url=" + MariaDb.url(IntegrationTestDatabases.SOURCE),
                "--fieldsync.source.username=" + MariaDb.USERNAME,
                "--fieldsync.source.password=" + MariaDb.PASSWORD,
                "--fieldsync.xero.client-id=" + sandbox.settings().clientId(),
                "--fieldsync.xero.client-secret=" + sandbox.settings().clientSecret(),
                "--fieldsync.xero.api-url=" + sandbox.apiUrl(),
                "--fieldsync.xero.identity-url=" + sandbox.identityUrl(),
                "--fieldsync.xero.connections-url=" + sandbox.connectionsUrl(),
                "--fieldsync.xero.limits.per-window=1000",
                "--fieldsync.xero.limits.per-day=100000",
                "--fieldsync.schedule.zone=UTC",
                "--fieldsync.node-id=" + nodeId,
                "--spring.security.user.name=" + OPERATOR,
                "--spring.security.user.password=" + OPERATOR_PASSWORD);
        // Spring Boot joins two values of one command-line option with a comma: a setting given replaces its default
        Map<String, String> byName = new java.util.LinkedHashMap<>();
        for (String argument : defaults) {
            byName.put(argument.substring(0, argument.indexOf('=')), argument);
        }
        for (String argument : settings) {
            byName.put(argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument, argument);
        }
        return ConnectorProcess.start(workDir, new ArrayList<>(byName.values()));
    }

    /** PUT /api/settings as the operator. */
    protected ResponseEntity<Map> putSettings(Map<String, Object> partial) {
        return asOperator().exchange("/api/settings", org.springframework.http.HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>(partial), Map.class);
    }

    /** Starts a manual sync through the API and polls it to its end, as an operator's script would. */
    protected Map<String, Object> syncToEnd() {
        ResponseEntity<Map> started = asOperator().postForEntity("/api/syncs", null, Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getBody()).containsEntry("status", "RUNNING").containsEntry("trigger", "MANUAL");
        return awaitEnd(((Number) started.getBody().get("id")).longValue());
    }

    /** Polls {@code GET /api/syncs/{id}} until the run is no longer RUNNING. */
    protected Map<String, Object> awaitEnd(long id) {
        return awaitEnd(id, java.time.Duration.ofSeconds(120));
    }

    /** As {@link #syncToEnd()}, waiting at most {@code timeout} for the run's end. */
    protected Map<String, Object> syncToEnd(java.time.Duration timeout) {
        ResponseEntity<Map> started = asOperator().postForEntity("/api/syncs", null, Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return awaitEnd(((Number) started.getBody().get("id")).longValue(), timeout);
    }

    /** Polls {@code GET /api/syncs/{id}} until the run is no longer RUNNING, at most {@code timeout}. */
    @SuppressWarnings("unchecked")
    protected Map<String, Object> awaitEnd(long id, java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> run = asOperator().getForObject("/api/syncs/" + id, Map.class);
            if (!"RUNNING".equals(run.get("status"))) {
                return run;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        Map<String, Object> last = asOperator().getForObject("/api/syncs/" + id, Map.class);
        throw new AssertionError("sync " + id + " still running after " + timeout + ": " + last);
    }

    /** Fault switches a test set are not left for the next, which shares this sandbox. */
    /**
     * The Quartz scheduler of every test context that has run a test in this JVM (Spring keeps them
     * out of Quartz's own repository): each is a cluster of its own name on the shared state store,
     * which a test of the schedule must hold (see SchedulingIT).
     */
    protected static final java.util.Set<Scheduler> SCHEDULERS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @org.junit.jupiter.api.BeforeEach
    void schedulerKnown() {
        SCHEDULERS.add(quartz);
    }

    @AfterEach
    void noFaultsLeftBehind() {
        sandbox.faults().clear();
    }

    @AfterEach
    void everyRequestConformedToXerosContract() {
        assertThat(sandbox.contractViolations()).as("requests that break Xero's OpenAPI contract").isEmpty();
    }
}
