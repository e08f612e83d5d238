package io.fieldsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.fieldsync.testing.ConnectorProcess;
import io.fieldsync.testing.Eventually;
import io.fieldsync.testing.MariaDbIntegrationTest;
import io.fieldsync.testing.RunTallies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Crash safety: a connector killed (kill -9) in the middle of a run while Xero holds its requests,
 * and started again, leaves every record in Xero exactly once, loses none, and the killed run is
 * marked INTERRUPTED naming its node. The connectors run in JVMs of their own on the test's
 * databases; this test JVM's sandbox is their Xero, and its delay switch holds their requests
 * so that each kill lands while a batch is in flight and Xero carries it out after the kill.
 * Invoices are numbered by Xero (the FSM number goes in the Reference): Xero matches a POST by
 * InvoiceNumber, not by Reference, so only the look-up before re-sending keeps them single.
 */
class CrashRecoveryIT extends MariaDbIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryIT.class);

    /**
     * Batches of 5 two at a time, so an entity takes several rounds and a kill finds some records
     * answered and some in flight; heartbeats every second and a dead run noticed after 5 s.
     */
    private static final String[] CRASH_TUNING = {
            "--fieldsync.xero.batch-size=5",
            "--fieldsync.xero.limits.concurrent=2",
            "--fieldsync.sync.heartbeat-interval-ms=1000",
            "--fieldsync.sync.stale-after=PT5S",
            "--fieldsync.invoices.numbering=xero"};
    private static final String REFERENCES = "select id, concat('FS-', invoice_number) from invoices";
    /** How long Xero holds each request of the entity being killed. */
    private static final Duration HELD = Duration.ofSeconds(3);

    @TempDir
    Path workDir;

    JdbcTemplate source;

    @BeforeEach
    void freshStart() {
        source = new JdbcTemplate(sourceDataSource);
        startFresh();
    }

    @Test
    void connectorKilledMidRunAndRestartedLeavesEveryRecordInXeroExactlyOnce() throws Exception {
        sandbox.faults().on("POST", "/Contacts").delay(HELD);
        long killedDuringContacts;
        try (ConnectorProcess nodeA = startConnectorProcess(workDir, "node-a", CRASH_TUNING)) {
            killedDuringContacts = startSync(nodeA);
            killWhileInFlight(nodeA, "contact");
        }
        assertXeroKeptWhatTheKillLeftUnanswered("contact", "Contacts", "ContactNumber",
                "select id, customer_number from customers");
        assertThat(state.queryForObject("select status from sync_run where id = ?", String.class, killedDuringContacts))
                .as("a killed run, until a node notices its silence").isEqualTo("RUNNING");

        // restarted: it finds node-a's run dead, resumes, and is killed in turn while invoices are in flight
        sandbox.faults().clear();
        sandbox.faults().on("POST", "/Invoices").delay(HELD);
        long killedDuringInvoices;
        try (ConnectorProcess nodeB = startConnectorProcess(workDir, "node-b", CRASH_TUNING)) {
            killedDuringInvoices = startSync(nodeB);
            assertInterrupted(killedDuringContacts, "node-a");
            killWhileInFlight(nodeB, "invoice");
        }
        assertXeroKeptWhatTheKillLeftUnanswered("invoice", "Invoices", "Reference", REFERENCES);

        sandbox.faults().clear();
        long last;
        String ended;
        try (ConnectorProcess nodeC = startConnectorProcess(workDir, "node-c", CRASH_TUNING)) {
            last = startSync(nodeC);
            ended = Eventually.value(Duration.ofSeconds(120), "run " + last + " ended", () -> state.queryForList(
                    "select status from sync_run where id = ? and status <> 'RUNNING'", String.class, last)
                    .stream().findFirst().orElse(null));
        }

        assertInterrupted(killedDuringContacts, "node-a");
        assertInterrupted(killedDuringInvoices, "node-b");
        assertThat(ended).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(RunTallies.counted(state, last)).as("what the run after the crashes counted: each record it decided, once")
                .isEqualTo(RunTallies.decided(state, last));
        assertOnlyTheSampleDatasKnownFailures();
        assertThat(state.queryForList("select entity, local_id, status from record_status"
                + " where status = 'PENDING' or attempted_at is not null")).as("records left undecided").isEmpty();
        assertEveryRowHasAnOutcome("contact", "customers");
        assertEveryRowHasAnOutcome("vendor", "vendors");
        assertEveryRowHasAnOutcome("item", "materials");
        assertEveryRowHasAnOutcome("invoice", "invoices");
        assertEveryLinkIsADocumentOfXero("contact", "Contacts");
        assertEveryLinkIsADocumentOfXero("vendor", "Contacts");
        assertEveryLinkIsADocumentOfXero("item", "Items");
        assertEveryLinkIsADocumentOfXero("invoice", "Invoices");

        List<String> customerNumbers = sandbox.documents("Contacts").stream().filter(c -> c.hasNonNull("ContactNumber"))
                .map(c -> c.path("ContactNumber").asText()).toList();
        assertThat(customerNumbers).as("customers in Xero").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(numbersOf("contact", "SYNCED", "select id, customer_number from customers"));
        List<String> supplierNames = sandbox.documents("Contacts").stream().filter(c -> !c.hasNonNull("ContactNumber"))
                .map(c -> c.path("Name").asText()).toList();
        assertThat(supplierNames).as("suppliers in Xero").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(numbersOf("vendor", "SYNCED", "select id, name from vendors"));
        List<String> itemCodes = sandbox.documents("Items").stream().map(i -> i.path("Code").asText()).toList();
        assertThat(itemCodes).as("items in Xero").doesNotHaveDuplicates().hasSize(countOf("item", "SYNCED"));

        List<Long> customersInXero = state.queryForList(
                "select local_id from record_status where entity = 'contact' and status = 'SYNCED'", Long.class);
        List<String> exportable = source.queryForList(PushToXeroIT.EXPORTABLE_INVOICES).stream()
                .filter(i -> customersInXero.contains(((Number) i.get("customer_id")).longValue()))
                .map(i -> "FS-" + i.get("invoice_number")).toList();
        List<String> invoiceReferences = sandbox.documents("Invoices").stream()
                .filter(i -> "ACCREC".equals(i.path("Type").asText())).map(i -> i.path("Reference").asText()).toList();
        assertThat(invoiceReferences).as("invoices in Xero").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(exportable)
                .containsExactlyInAnyOrderElementsOf(numbersOf("invoice", "SYNCED", REFERENCES));
    }

    /**
     * Restart recovery: the only node is killed (kill -9) mid-run and started again under the same
     * node id; its dead process's run ends INTERRUPTED at once, saying so, and a sync starts within
     * 10 s of the restart instead of after stale-after (2 minutes by default, kept here).
     */
    @Test
    void restartedNodeEndsItsDeadRunAndStartsASyncWithinSeconds() throws Exception {
        String[] tuning = {"--fieldsync.xero.batch-size=5", "--fieldsync.xero.limits.concurrent=2"};
        sandbox.faults().on("POST", "/Contacts").delay(HELD);
        long killed;
        try (ConnectorProcess node = startConnectorProcess(workDir, "the-only-node", tuning)) {
            killed = startSync(node);
            Eventually.within(Duration.ofSeconds(90), "a batch held in Xero", () -> sandbox.requestsInProgress() > 0);
            node.kill();
        }
        Eventually.within(Duration.ofSeconds(30), "Xero done with the killed connector's requests",
                () -> sandbox.requestsInProgress() == 0);
        sandbox.faults().clear();

        try (ConnectorProcess restarted = startConnectorProcess(workDir, "the-only-node", tuning)) {
            java.time.Instant up = java.time.Instant.now();
            TestRestTemplate operator = io.fieldsync.testing.ApiScripts.withScriptHeader(
                    new TestRestTemplate(new RestTemplateBuilder().rootUri(restarted.baseUrl()), OPERATOR, OPERATOR_PASSWORD));
            long next = Eventually.value(Duration.ofSeconds(10), "a sync started after the restart", () -> {
                ResponseEntity<Map> started = operator.postForEntity("/api/syncs", null, Map.class);
                return started.getStatusCode() == HttpStatus.ACCEPTED ? ((Number) started.getBody().get("id")).longValue() : null;
            });
            log.info("A sync started {} after the restart", Duration.between(up, java.time.Instant.now()));
            Map<String, Object> dead = state.queryForMap("select status, message from sync_run where id = ?", killed);
            assertThat(dead.get("status")).isEqualTo("INTERRUPTED");
            assertThat(dead.get("message").toString()).contains("node the-only-node restarted")
                    .contains("resumes from the watermarks");
            String ended = Eventually.value(Duration.ofSeconds(180), "run " + next + " ended", () -> state.queryForList(
                    "select status from sync_run where id = ? and status <> 'RUNNING'", String.class, next)
                    .stream().findFirst().orElse(null));
            assertThat(ended).isEqualTo("COMPLETED_WITH_ERRORS");
        }
    }

    /** Starts a manual sync on that connector through its API, as an operator would. */
    private long startSync(ConnectorProcess node) {
        TestRestTemplate operator = io.fieldsync.testing.ApiScripts.withScriptHeader(
                new TestRestTemplate(new RestTemplateBuilder().rootUri(node.baseUrl()), OPERATOR, OPERATOR_PASSWORD));
        ResponseEntity<Map> started = operator.postForEntity("/api/syncs", null, Map.class);
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        return ((Number) started.getBody().get("id")).longValue();
    }

    /**
     * Kills the connector (kill -9) once some records of the entity were answered while a batch is
     * held in Xero, then waits until Xero has carried out what it held: the answers nobody reads.
     */
    private void killWhileInFlight(ConnectorProcess node, String entity) throws Exception {
        try {
            Eventually.within(Duration.ofSeconds(90), "some " + entity + " records answered while a batch is held in Xero",
                    () -> countOf(entity, "SYNCED") > 0 && sandbox.requestsInProgress() > 0);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the connector's log:\n" + node.log(), e);
        }
        node.kill();
        log.info("Killed the connector with {} {} records answered, {} sent without an answer, {} requests held in Xero",
                countOf(entity, "SYNCED"), entity, attempted(entity).size(), sandbox.requestsInProgress());
        Eventually.within(Duration.ofSeconds(30), "Xero done with the killed connector's requests",
                () -> sandbox.requestsInProgress() == 0);
        // the restart may come after Xero's Idempotency-Key replay window: only the look-up may keep it from creating again
        sandbox.forgetIdempotencyKeys();
    }

    /** The kill landed between request and answer: Xero has records whose status still says "sent, no answer". */
    private void assertXeroKeptWhatTheKillLeftUnanswered(String entity, String collection, String numberField,
                                                         String numbersSql) {
        Map<Long, String> numbers = numbers(numbersSql);
        Set<String> inXero = sandbox.documents(collection).stream().map(d -> d.path(numberField).asText())
                .collect(Collectors.toSet());
        assertThat(attempted(entity).stream().map(numbers::get).toList()).as("%s records sent whose answer the kill lost", entity)
                .isNotEmpty().anyMatch(inXero::contains);
    }

    private void assertInterrupted(long runId, String node) {
        Map<String, Object> run = Eventually.value(Duration.ofSeconds(30), "run " + runId + " marked INTERRUPTED",
                () -> state.queryForList("select status, message from sync_run where id = ? and status = 'INTERRUPTED'", runId)
                        .stream().findFirst().orElse(null));
        assertThat(run.get("message").toString()).contains("node " + node + " stopped sending heartbeats")
                .contains("resumes from the watermarks");
    }

    /** Every row of the field-service table has its outcome: none lost, none undecided. */
    private void assertEveryRowHasAnOutcome(String entity, String table) {
        List<Long> rows = source.queryForList("select id from " + table, Long.class);
        assertThat(state.queryForList("select local_id from record_status where entity = ?"
                + " and status in ('SYNCED', 'FAILED', 'SKIPPED')", Long.class, entity))
                .as("%s records with an outcome", entity).containsExactlyInAnyOrderElementsOf(rows);
    }

    private void assertEveryLinkIsADocumentOfXero(String entity, String collection) {
        List<String> linked = state.queryForList("select xero_id from record_link where entity = ?", String.class, entity);
        assertThat(linked).as("%s links", entity).doesNotHaveDuplicates().hasSize(countOf(entity, "SYNCED"))
                .allSatisfy(xeroId -> assertThat(sandbox.document(collection, xeroId)).as("%s %s in Xero", entity, xeroId)
                        .isPresent());
    }

    /**
     * Only what fails on a clean run too (SampleOutcomes); the second customer of a name Xero
     * already has went named apart, once: one contact per customer, none lost twice.
     */
    private void assertOnlyTheSampleDatasKnownFailures() {
        SampleOutcomes.assertOnlyKnownFailures(state);
        assertThat(state.queryForObject("select count(*) from record_status where entity = 'contact' and status = 'SYNCED'"
                + " and warnings like '%is another Xero contact''s name%'", Integer.class))
                .as("contacts named apart").isEqualTo(1);
        assertThat(sandbox.documents("Contacts").stream().map(c -> c.path("Name").asText().toLowerCase()))
                .as("contact names stay unique").doesNotHaveDuplicates();
    }

    private List<Long> attempted(String entity) {
        return state.queryForList("select local_id from record_status where entity = ? and attempted_at is not null",
                Long.class, entity);
    }

    private List<String> numbersOf(String entity, String status, String numbersSql) {
        Map<Long, String> numbers = numbers(numbersSql);
        return state.queryForList("select local_id from record_status where entity = ? and status = ?", Long.class,
                entity, status).stream().map(numbers::get).toList();
    }

    /** id -> number (or name) of a field-service table, from a query selecting the two. */
    private Map<Long, String> numbers(String sql) {
        return source.query(sql, (row, i) -> Map.entry(row.getLong(1), row.getString(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private int countOf(String entity, String status) {
        return state.queryForObject("select count(*) from record_status where entity = ? and status = ?", Integer.class,
                entity, status);
    }
}
