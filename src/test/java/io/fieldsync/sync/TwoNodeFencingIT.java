package io.fieldsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldsync.runs.SyncRuns;
import io.fieldsync.testing.ApiScripts;
import io.fieldsync.testing.ConnectorProcess;
import io.fieldsync.testing.Eventually;
import io.fieldsync.testing.IntegrationTestDatabases;
import io.fieldsync.testing.MariaDb;
import io.fieldsync.testing.MariaDbIntegrationTest;
import io.fieldsync.testing.RunTallies;
import io.fieldsync.testing.TcpProxy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Fencing, with two connector processes on one state store (issue 18). Node A's run gets a 503
 * for its contact batch and waits out Xero's back-off; meanwhile its connection to the state store
 * stalls (a half-open link: nothing passes, nothing fails) for longer than stale-after, so node B
 * takes the organisation over and syncs. Then A's link moves again. A must send nothing more to
 * Xero (its back-off's retry included), write no outcome, and its end must not overwrite the
 * status B gave its run; B's run completes, and Xero holds every record once.
 * <p>
 * Node A is {@code java -jar target/fieldsync.jar} in a JVM of its own, with this test JVM's
 * sandbox as its Xero; it reaches the state store through a {@link TcpProxy} (the stall) and Xero
 * through another one, which tells its calls from B's. Node B is the connector this test JVM runs
 * (its own Camel context, pools, Quartz and node id), with the same short heartbeat settings; its
 * context is closed after this class, so its short stale-after judges no other test's runs. Card
 * fees and surcharges are exported, so Payments and BankTransactions (which Xero does not keep
 * unique) are among what both nodes would send.
 */
@TestPropertySource(properties = {
        "fieldsync.sync.heartbeat-interval-ms=1000",
        "fieldsync.sync.stale-after=PT5S",
        "fieldsync.payments.fees.account=404",
        "fieldsync.payments.surcharges.account=260"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TwoNodeFencingIT extends MariaDbIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(TwoNodeFencingIT.class);

    /** How long node A waits before it sends its refused contact batch again: B takes over meanwhile. */
    private static final Duration BACK_OFF = Duration.ofSeconds(25);
    /** As node B's (this JVM's) settings above. */
    private static final String[] NODE_A = {
            "--fieldsync.sync.heartbeat-interval-ms=1000",
            "--fieldsync.sync.stale-after=PT5S",
            "--fieldsync.payments.fees.account=404",
            "--fieldsync.payments.surcharges.account=260",
            "--fieldsync.xero.retry.initial-delay-ms=" + BACK_OFF.toMillis(),
            "--fieldsync.xero.retry.max-delay-ms=" + BACK_OFF.toMillis()};

    /** The contact card fees are paid to: fieldsync.payments.fees.contact's default. */
    private static final String FEE_CONTACT = "Card processor";

    /** Node A's log, kept for reading after a failure. */
    private final Path workDir = Path.of("target", "two-node-fencing").toAbsolutePath();

    @Autowired
    SyncRuns nodeB;

    JdbcTemplate source;

    @BeforeEach
    void freshStart() throws java.io.IOException {
        org.springframework.util.FileSystemUtils.deleteRecursively(workDir);
        java.nio.file.Files.createDirectories(workDir);
        source = new JdbcTemplate(sourceDataSource);
        startFresh();
    }

    @Test
    void aNodeCutOffFromTheStateStoreDuringAXeroBackOffSendsNothingMoreOnceAnotherNodeTookItsOrganisation() throws Exception {
        try (TcpProxy stateOfA = MariaDb.proxy(); TcpProxy xeroOfA = TcpProxy.to("127.0.0.1", sandbox.port());
             ConnectorProcess nodeA = startConnectorProcess(workDir, "node-a", concat(NODE_A,
                     "--spring.datasource.url=" + MariaDb.urlThrough(stateOfA, IntegrationTestDatabases.STATE),
                     "--fieldsync.xero.api-url=" + sandbox.apiUrl().replace(":" + sandbox.port(), ":" + xeroOfA.port())))) {
            prove(nodeA, stateOfA, xeroOfA);
        }
    }

    private void prove(ConnectorProcess nodeA, TcpProxy stateOfA, TcpProxy xeroOfA) {
        // A's contact batch is refused with a 503: A backs off, to send it again after BACK_OFF
        sandbox.faults().on("POST", "/Contacts").times(1).serverError(503);
        long runOfA = startSync(operatorOf(nodeA)).orElseThrow(() -> new AssertionError("node A's sync did not start"));
        Eventually.within(Duration.ofSeconds(90), "node A's contact batch answered 503", () -> !sandbox.faults().active()
                && sandbox.requestsInProgress() == 0);
        assertThat(xeroOfA.httpRequests()).as("node A's calls").anyMatch(call -> call.method().equals("POST")
                && call.target().contains("/Contacts"));
        stateOfA.stall();
        Instant stalled = Instant.now();
        log.info("Node A's state store link stalled while its run {} backs off", runOfA);

        // A's heartbeats stop reaching the state store; after stale-after node B takes the organisation over
        long runOfB = Eventually.value(Duration.ofSeconds(60), "node B's sync started (A's run gone stale)",
                () -> startSync(asOperator()).orElse(null));
        Map<String, Object> takenOver = state.queryForMap("select status, message, finished_at from sync_run where id = ?", runOfA);
        Instant takeover = state.queryForObject("select finished_at from sync_run where id = ?", Timestamp.class, runOfA).toInstant();
        log.info("Node B's run {} took the organisation over {} after the stall; A's run: {}", runOfB,
                Duration.between(stalled, Instant.now()), takenOver);
        assertThat(takeover).as("when node A's run was ended").isBetween(stalled.minusSeconds(1), Instant.now().plusSeconds(1));
        assertThat(takenOver.get("status")).isEqualTo("INTERRUPTED");
        assertThat(takenOver.get("message").toString()).contains("node node-a stopped sending heartbeats");
        Map<String, Integer> countedByAAtTakeover = RunTallies.counted(state, runOfA);

        // the link moves again once B's customers are in Xero: A has its back-off's retry still to make
        Eventually.within(Duration.ofSeconds(90), "node B's customers in Xero", () -> state.queryForObject(
                "select count(*) from record_status where entity = 'contact' and status = 'SYNCED' and last_run_id = ?",
                Integer.class, runOfB) > 0);
        stateOfA.restore();
        log.info("Node A's state store link moves again, {} after the stall", Duration.between(stalled, Instant.now()));

        String ended = Eventually.value(Duration.ofSeconds(150), "node B's run " + runOfB + " ended", () -> state.queryForList(
                "select status from sync_run where id = ? and status <> 'RUNNING'", String.class, runOfB)
                .stream().findFirst().orElse(null));
        // whatever A would still do, it does once its back-off is over
        Instant backOffOver = stalled.plus(BACK_OFF).plusSeconds(5);
        Eventually.within(BACK_OFF.plusSeconds(30), "node A's back-off over", () -> Instant.now().isAfter(backOffOver));
        java.util.regex.Pattern endOfA = java.util.regex.Pattern.compile("Sync run " + runOfA + " (ended|finished|failed|stopped|reached its end)");
        Eventually.within(Duration.ofSeconds(120), "node A's run " + runOfA + " at its end", () -> endOfA.matcher(logOf(nodeA)).find());

        List<TcpProxy.HttpRequest> sentByAAfter = xeroOfA.httpRequests().stream().filter(call -> call.at().isAfter(takeover)).toList();
        assertThat(sentByAAfter).as("calls node A made to Xero after node B took its organisation over").isEmpty();
        assertThat(logOf(nodeA)).as("node A's log").contains("Sync " + runOfA + " lost its organisation to sync " + runOfB
                + " (node " + nodeB.nodeId() + ")");
        Map<String, Object> runA = state.queryForMap("select status, message, finished_at from sync_run where id = ?", runOfA);
        assertThat(runA).as("node A's run, as node B ended it").isEqualTo(takenOver);
        assertThat(RunTallies.counted(state, runOfA)).as("what node A's run counted").isEqualTo(countedByAAtTakeover);
        assertThat(state.queryForList("select entity, local_id from record_status where last_run_id = ? and status = 'SYNCED'",
                runOfA)).as("outcomes written by node A's run").isEmpty();
        assertThat(state.queryForList("select id, error from dead_letter where run_id = ?", runOfA))
                .as("dead letters node A's run kept of its refused batch (whose records are node B's now)").isEmpty();

        assertThat(ended).as("node B's run").isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(RunTallies.counted(state, runOfB)).as("what node B's run counted: each record it decided, once").isEqualTo(RunTallies.decided(state, runOfB));
        assertEveryRecordInXeroOnce();
    }

    /** Xero holds each record once, and the state store agrees with Xero and the FSM. */
    private void assertEveryRecordInXeroOnce() {
        SampleOutcomes.assertOnlyKnownFailures(state);
        assertThat(state.queryForList("select entity, local_id, status from record_status"
                + " where status = 'PENDING' or attempted_at is not null")).as("records left undecided").isEmpty();
        assertThat(sandbox.documents("Contacts").stream().map(c -> c.path("Name").asText().toLowerCase()))
                .as("contact names").doesNotHaveDuplicates();
        assertOnce("contact", "Contacts", c -> c.hasNonNull("ContactNumber") ? c.path("ContactNumber").asText() : null,
                "select id, customer_number from customers");
        assertOnce("vendor", "Contacts", c -> c.hasNonNull("ContactNumber") || c.path("Name").asText().equals(FEE_CONTACT)
                ? null : c.path("Name").asText(), "select id, name from vendors");
        assertThat(sandbox.documents("Contacts")).as("the card processor's contact, the fees' payee")
                .filteredOn(c -> c.path("Name").asText().equals(FEE_CONTACT)).hasSize(1);
        assertOnce("item", "Items", i -> i.path("Code").asText(), null);
        assertOnce("invoice", "Invoices", i -> "ACCREC".equals(i.path("Type").asText()) ? i.path("InvoiceNumber").asText() : null,
                "select id, invoice_number from invoices");
        assertOnce("payment", "Payments", p -> p.path("Reference").asText().replaceAll("^(FS-P\\d+).*", "$1"),
                "select id, concat('FS-P', id) from payments");
        assertOnce("payment-fee", "BankTransactions", t -> t.path("Reference").asText().endsWith(" fee")
                ? t.path("Reference").asText() : null, "select id, concat('FS-P', id, ' fee') from payments");
        assertOnce("payment-surcharge", "BankTransactions", t -> t.path("Reference").asText().endsWith(" surcharge")
                ? t.path("Reference").asText() : null, "select id, concat('FS-P', id, ' surcharge') from payments");
        assertThat(SampleOutcomes.countOf(state, "payment-fee", "SYNCED")).as("card fees exported").isPositive();
        assertThat(SampleOutcomes.countOf(state, "payment", "SYNCED")).as("payments exported").isPositive();
    }

    /**
     * The entity's documents in Xero, each known by {@code key} (null: not one of this entity's),
     * are exactly its SYNCED records, once each, and every link names one of them.
     */
    private void assertOnce(String entity, String collection, Function<ObjectNode, String> key, String keysSql) {
        List<String> inXero = sandbox.documents(collection).stream().map(key).filter(k -> k != null).toList();
        assertThat(inXero).as("%s in Xero", entity).doesNotHaveDuplicates().hasSize(SampleOutcomes.countOf(state, entity, "SYNCED"));
        if (keysSql != null) {
            Map<Long, String> keys = source.query(keysSql, (row, i) -> Map.entry(row.getLong(1), row.getString(2))).stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(inXero).as("%s in Xero", entity).containsExactlyInAnyOrderElementsOf(state.queryForList(
                    "select local_id from record_status where entity = ? and status = 'SYNCED'", Long.class, entity)
                    .stream().map(keys::get).toList());
        }
        List<String> linked = state.queryForList("select xero_id from record_link where entity = ?", String.class, entity);
        assertThat(linked).as("%s links", entity).doesNotHaveDuplicates().hasSize(SampleOutcomes.countOf(state, entity, "SYNCED"))
                .allSatisfy(xeroId -> assertThat(sandbox.document(collection, xeroId)).as("%s %s in Xero", entity, xeroId).isPresent());
    }

    private static String[] concat(String[] settings, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(settings), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }

    private static TestRestTemplate operatorOf(ConnectorProcess node) {
        return ApiScripts.withScriptHeader(
                new TestRestTemplate(new RestTemplateBuilder().rootUri(node.baseUrl()), OPERATOR, OPERATOR_PASSWORD));
    }

    /** Starts a manual sync through a node's API, as an operator's script does; empty while one runs (409). */
    private static java.util.Optional<Long> startSync(TestRestTemplate operator) {
        ResponseEntity<Map> started = operator.postForEntity("/api/syncs", null, Map.class);
        if (started.getStatusCode() == HttpStatus.CONFLICT) {
            return java.util.Optional.empty();
        }
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        return java.util.Optional.of(((Number) started.getBody().get("id")).longValue());
    }

    private static String logOf(ConnectorProcess node) {
        try {
            return node.log();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
