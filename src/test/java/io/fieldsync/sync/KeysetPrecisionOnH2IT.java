package io.fieldsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.fieldsync.sandbox.XeroSandbox;
import io.fieldsync.state.SourceClock;
import io.fieldsync.testing.FreshStart;
import io.fieldsync.xero.XeroConnection;
import io.fieldsync.xero.XeroTokens;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo as it runs (embedded H2 in MySQL mode for both databases, the sandbox as Xero): more
 * invoices than a page within one second are pushed once in a run that ends, and a page that
 * cannot move the keyset forward fails the run, naming the entity and the key, instead of reading
 * the same rows for ever.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeysetPrecisionOnH2IT {

    private static final String OPERATOR = "operator";
    private static final String PASSWORD = "h2-operator-secret";

    /** When set, the invoice push's page query answers its first page again, as a broken keyset would. */
    private static final AtomicBoolean replayFirstPage = new AtomicBoolean();
    private static final AtomicReference<Object> firstPage = new AtomicReference<>();

    @Autowired
    TestRestTemplate http;
    @Autowired
    XeroSandbox sandbox;
    @Autowired
    @Qualifier("sourceDataSource")
    DataSource sourceDataSource;
    @Autowired
    JdbcTemplate state;
    @Autowired
    XeroTokens tokens;
    @Autowired
    XeroConnection connection;
    @Autowired
    CamelContext camel;

    JdbcTemplate source;

    @DynamicPropertySource
    static void demo(DynamicPropertyRegistry registry) {
        registry.add("fieldsync.demo.enabled", () -> true); // the demo, asked for
        registry.add("fieldsync.demo.sync-at-start", () -> false);
        registry.add("spring.security.user.name", () -> OPERATOR);
        registry.add("spring.security.user.password", () -> PASSWORD);
        registry.add("fieldsync.xero.limits.per-window", () -> 1000);
        registry.add("fieldsync.xero.limits.per-day", () -> 100_000);
        registry.add("spring.jmx.unique-names", () -> true);
        registry.add("spring.quartz.scheduler-name", () -> "fieldsync-h2-keyset");
    }

    @BeforeEach
    void freshStart() throws Exception {
        source = new JdbcTemplate(sourceDataSource);
        FreshStart.everything(sourceDataSource, state, sandbox, tokens, connection);
        if (firstPage.get() == null) {
            AdviceWith.adviceWith(camel, "push-invoices", route -> route.weaveByToUri("sql:*").selectLast().after()
                    .process(exchange -> {
                        if (replayFirstPage.get() && !firstPage.compareAndSet(null, exchange.getIn().getBody())) {
                            exchange.getIn().setBody(firstPage.get());
                        }
                    }));
            firstPage.set(List.of());
        }
    }

    @AfterEach
    void readPagesAsTheyAre() {
        replayFirstPage.set(false);
        firstPage.set(List.of());
    }

    @Test
    void fiveThousandInvoicesChangedInOneSecondArePushedOnceInOneRun() {
        syncToEnd();
        SameSecondInvoices copies = new SameSecondInvoices(source, state, 5_000);
        copies.write();

        Map<String, Object> run = syncToEnd();

        assertThat(run.get("status")).as("run %s", run).isIn("SUCCEEDED", "COMPLETED_WITH_ERRORS");
        copies.assertEachInXeroOnce(sandbox);
        assertThat(state.queryForObject("select keyset_updated_at from watermark where entity = 'invoice' and direction = 'push'",
                String.class)).isEqualTo(SourceClock.sqlLiteral(copies.lastChange()));
    }

    @Test
    void aPageThatDoesNotMoveTheKeysetFailsTheRunNamingEntityAndKey() {
        syncToEnd();
        new SameSecondInvoices(source, state, 1_200).write();
        replayFirstPage.set(true);
        firstPage.set(null);

        Map<String, Object> run = syncToEnd();

        assertThat(run.get("status")).as("run %s", run).isEqualTo("FAILED");
        assertThat(String.valueOf(run.get("message")))
                .contains("The invoice push cannot move past (updated_at ")
                .containsPattern("\\(updated_at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}, id \\d+\\)");
    }

    private Map<String, Object> syncToEnd() {
        TestRestTemplate operator = io.fieldsync.testing.ApiScripts.withScriptHeader(http.withBasicAuth(OPERATOR, PASSWORD));
        ResponseEntity<Map> started = operator.postForEntity("/api/syncs", null, Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long id = ((Number) started.getBody().get("id")).longValue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Map<String, Object> run = operator.getForObject("/api/syncs/" + id, Map.class);
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
        throw new AssertionError("sync " + id + " still running after 120 s");
    }
}
