package io.fieldsync.sync;

import static io.fieldsync.sync.SampleOutcomes.assertOnlyDuplicateNamesFailed;
import static io.fieldsync.sync.SampleOutcomes.countOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.fieldsync.sandbox.SandboxCall;
import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

/**
 * Xero misbehaving while a sync pushes: the xero-redelivery route configuration rides out
 * transient faults with the same request (same Idempotency-Key), waits what Retry-After asks,
 * keeps a batch whose tries ran out as a dead letter, and never retries what Xero refused for
 * good. Whatever happens, nothing is lost and nothing is created twice. Redelivery delays are
 * those of production in milliseconds instead of seconds (MariaDbIntegrationTest).
 */
class XeroFaultsIT extends MariaDbIntegrationTest {

    private static final int TRIES = 7; // the first and fieldsync.xero.retry.redeliveries (6) more

    @BeforeEach
    void freshStart() {
        startFresh();
    }

    @Test
    void stormOfServerErrorsAndGatewayPagesIsRiddenOut() {
        sandbox.faults().on("POST", "/Contacts").times(4).serverError(503);
        sandbox.faults().on("POST", "/Items").times(1).htmlErrorPage(502);
        sandbox.faults().on("POST", "/Invoices").times(3).serverError(500);

        Map<String, Object> run = syncToEnd();

        assertOnlyDuplicateNamesFailed(state, run);
        assertThat(sandbox.faults().active()).as("every fault was met").isFalse();
        assertEverythingAccountedForOnce();
        assertThat(state.queryForObject("select count(*) from dead_letter", Integer.class)).isZero();
    }

    @Test
    void retryAfterOfAServerErrorIsWaitedFor() {
        sandbox.faults().on("POST", "/Contacts").times(1).serverError(503, 2);

        assertOnlyDuplicateNamesFailed(state, syncToEnd());

        List<SandboxCall> contacts = sandbox.calls().stream().filter(c -> c.method().equals("POST") && c.collection().equals("Contacts")).toList();
        SandboxCall refused = contacts.get(0);
        SandboxCall again = contacts.stream().skip(1).filter(c -> refused.idempotencyKey().equals(c.idempotencyKey()))
                .findFirst().orElseThrow(() -> new AssertionError("the refused batch was not sent again"));
        // the back-off alone would have tried again after 50 ms
        assertThat(Duration.between(refused.at(), again.at())).isGreaterThanOrEqualTo(Duration.ofMillis(1950));
    }

    @Test
    void answerLostAfterXeroCommittedIsTakenFromXerosReplayNotCreatedTwice() {
        sandbox.faults().on("POST", "/Contacts").times(1).dropResponseAfterCommit();
        sandbox.faults().on("POST", "/Invoices").times(1).truncatedJson();

        Map<String, Object> run = syncToEnd();

        assertOnlyDuplicateNamesFailed(state, run);
        assertThat(sandbox.faults().active()).isFalse();
        assertEverythingAccountedForOnce();
        assertThat(sandbox.calls()).as("the unanswered batch went again with its Idempotency-Key")
                .filteredOn(c -> c.method().equals("POST") && c.collection().equals("Contacts"))
                .extracting(SandboxCall::idempotencyKey).hasSizeGreaterThan((int) countDistinctKeys("Contacts"));
    }

    @Test
    void batchXeroKeepsRefusingBecomesADeadLetterAndGoesOnceNextRun() {
        sandbox.faults().on("POST", "/Contacts").serverError(503);

        Map<String, Object> failed = syncToEnd();

        assertThat(failed.get("status")).isEqualTo("FAILED");
        assertThat((String) failed.get("message")).startsWith("Xero answered HTTP 503 to a Contacts batch")
                .contains(TRIES + " attempts; the batch is kept as dead letter");
        List<Map<String, Object>> letters = state.queryForList("select * from dead_letter");
        assertThat(letters).isNotEmpty().allSatisfy(letter -> {
            assertThat(letter).containsEntry("entity", "contact").containsEntry("endpoint", "Contacts")
                    .containsEntry("attempts", TRIES).containsEntry("run_id", ((Number) failed.get("id")).longValue());
            assertThat((String) letter.get("body")).startsWith("{\"Contacts\":[").contains("ContactNumber");
            assertThat((String) letter.get("error")).contains("503");
            assertThat((String) letter.get("local_ids")).isNotBlank();
            assertThat(letter.get("resolved_at")).isNull();
        });
        long letterId = ((Number) letters.get(0).get("id")).longValue();
        assertThat(state.queryForList("select status, message, attempted_at from record_status where entity = 'contact'"
                + " and message like ?", "%(dead letter " + letterId + ")%"))
                .as("the dead letter's records wait, their attempt marked").isNotEmpty()
                .allSatisfy(record -> assertThat(record.get("status")).isEqualTo("PENDING"))
                .allSatisfy(record -> assertThat(record.get("attempted_at")).isNotNull());
        List<Map<String, Object>> listed = asViewer().exchange("/api/dead-letters?open=true", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(listed).extracting(l -> ((Number) l.get("id")).longValue()).contains(letterId);
        Map<?, ?> one = asViewer().getForObject("/api/dead-letters/" + letterId, Map.class);
        assertThat((String) one.get("body")).contains("ContactNumber");
        assertThat((List<?>) one.get("localIds")).isNotEmpty();

        sandbox.faults().clear();
        assertOnlyDuplicateNamesFailed(state, syncToEnd());

        assertEverythingAccountedForOnce();
        // resolved by a listener of the run's end, which runs just after the end is committed (what syncToEnd sees)
        io.fieldsync.testing.Eventually.within(java.time.Duration.ofSeconds(10), "dead letters whose records all have an outcome again resolved",
                () -> state.queryForObject("select count(*) from dead_letter where resolved_at is null", Integer.class) == 0);
    }

    @Test
    void answerLostOnEveryTryCreatesNoDuplicateNextRun() {
        // Xero stores the first try and replays it to the others, but no answer ever arrives
        sandbox.faults().on("POST", "/Contacts").dropResponseAfterCommit();

        Map<String, Object> failed = syncToEnd();
        assertThat(failed.get("status")).isEqualTo("FAILED");
        assertThat((String) failed.get("message")).startsWith("Xero cannot be reached for a Contacts batch")
                .contains("dead letter");
        assertThat(sandbox.documents("Contacts")).as("stored by Xero, unknown to the connector").isNotEmpty();

        sandbox.faults().clear();
        assertOnlyDuplicateNamesFailed(state, syncToEnd());

        assertEverythingAccountedForOnce();
    }

    @Test
    void batchXeroRefusesAsAWholeFailsOnlyItsRecordsAndIsNotRetried() {
        sandbox.faults().on("POST", "/Items").times(1).badRequest("The request could not be read");
        long itemBatchesBefore = sandbox.apiCalls("POST", "Items");

        Map<String, Object> run = syncToEnd();

        assertThat(run.get("status")).isEqualTo("COMPLETED_WITH_ERRORS");
        List<String> refused = state.queryForList("select message from record_status where entity = 'item' and status = 'FAILED'",
                String.class);
        assertThat(refused).isNotEmpty()
                .allSatisfy(message -> assertThat(message).isEqualTo("Xero refused the batch (HTTP 400): The request could not be read"));
        assertThat(sandbox.calls()).filteredOn(c -> c.method().equals("POST") && c.collection().equals("Items"))
                .extracting(SandboxCall::idempotencyKey).doesNotHaveDuplicates();
        assertThat(sandbox.apiCalls("POST", "Items") - itemBatchesBefore).isEqualTo(countDistinctKeys("Items"));
        assertThat(countOf(state, "invoice", "SYNCED")).as("the run went on").isPositive();
        assertThat(state.queryForObject("select count(*) from dead_letter", Integer.class)).isZero();
    }

    @Test
    void contactNamedWithABackslashAndAQuoteWhoseAnswerWasLostIsLookedUpAndSynced() {
        String name = "Acme \\ \"Best\" Plumbing";
        putSettings(Map.of("entities", Map.of("contact", Map.of("direction", "push")))); // no pull of what Xero took
        long acme = new org.springframework.jdbc.core.simple.SimpleJdbcInsert(sourceDataSource).withTableName("customers")
                .usingGeneratedKeyColumns("id").usingColumns("company_name") // no customer number: looked up by Name
                .executeAndReturnKey(Map.of("company_name", name)).longValue();
        sandbox.faults().on("POST", "/Contacts").dropResponseAfterCommit(); // on every try: Xero has it, FieldSync never hears
        assertThat(syncContacts().get("status")).isEqualTo("FAILED");
        sandbox.faults().clear();
        assertThat(sandbox.documents("Contacts")).filteredOn(c -> name.equals(c.path("Name").asText())).hasSize(1);

        Map<String, Object> next = syncContacts();

        assertThat(next.get("status")).as("run %s", next).isNotEqualTo("FAILED");
        assertThat(state.queryForMap("select status, attempted_at from record_status where entity = 'contact' and local_id = ?", acme))
                .containsEntry("status", "SYNCED").containsEntry("attempted_at", null);
        assertThat(sandbox.documents("Contacts")).as("found by its name, not created twice")
                .filteredOn(c -> c.path("Name").asText().startsWith("Acme")).hasSize(1);
        assertThat(state.queryForObject("select xero_id from record_link where entity = 'contact' and local_id = ?", String.class, acme))
                .isEqualTo(sandbox.documents("Contacts").stream().filter(c -> name.equals(c.path("Name").asText()))
                        .findFirst().orElseThrow().path("ContactID").asText());
    }

    @Test
    void contactWhoseLookUpXeroRefusesFailsAloneWithXerosWordsAndTheRunGoesOn() {
        putSettings(Map.of("entities", Map.of("contact", Map.of("direction", "push"))));
        sandbox.faults().on("POST", "/Contacts").dropResponseAfterCommit();
        assertThat(syncContacts().get("status")).isEqualTo("FAILED");
        sandbox.faults().clear();
        // Xero refuses the look-up of the first chunk, and then of one record of it alone
        sandbox.faults().on("GET", "/Contacts").times(2).badRequest("A validation exception occurred");

        Map<String, Object> next = syncContacts();

        assertThat(next.get("status")).as("run %s", next).isEqualTo("COMPLETED_WITH_ERRORS");
        List<Map<String, Object>> refused = state.queryForList("select message, attempted_at from record_status"
                + " where entity = 'contact' and status = 'FAILED' and message like '%refused looking it up%'");
        assertThat(refused).hasSize(1);
        assertThat((String) refused.get(0).get("message")).contains("A validation exception occurred");
        assertThat(refused.get(0).get("attempted_at")).as("still to be looked up next run").isNotNull();
        assertThat(countOf(state, "contact", "SYNCED")).as("the others went on").isPositive();

        syncContacts();
        List<String> numbers = sandbox.documents("Contacts").stream().filter(c -> c.hasNonNull("ContactNumber"))
                .map(c -> c.path("ContactNumber").asText()).toList();
        assertThat(numbers).as("nothing created twice").doesNotHaveDuplicates();
        assertThat(state.queryForObject("select count(*) from record_status where entity = 'contact' and attempted_at is not null",
                Integer.class)).as("looked up and settled in the next run").isZero();
    }

    private Map<String, Object> syncContacts() {
        var started = asOperator().postForEntity("/api/syncs", Map.of("entities", List.of("contact")), Map.class);
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        return awaitEnd(((Number) started.getBody().get("id")).longValue());
    }

    /** Every contact and invoice in Xero once, none waiting, none with an unknown outcome. */
    private void assertEverythingAccountedForOnce() {
        List<String> contactNumbers = sandbox.documents("Contacts").stream().filter(c -> c.hasNonNull("ContactNumber"))
                .map(c -> c.path("ContactNumber").asText()).toList();
        assertThat(contactNumbers).doesNotHaveDuplicates().hasSize(countOf(state, "contact", "SYNCED"));
        List<String> invoiceNumbers = sandbox.documents("Invoices").stream().filter(i -> "ACCREC".equals(i.path("Type").asText()))
                .map(i -> i.path("InvoiceNumber").asText()).toList();
        assertThat(invoiceNumbers).doesNotHaveDuplicates().hasSize(countOf(state, "invoice", "SYNCED"));
        assertThat(state.queryForObject("select count(*) from record_status where status = 'PENDING' or attempted_at is not null",
                Integer.class)).as("records waiting or with an unknown outcome").isZero();
    }

    private long countDistinctKeys(String collection) {
        return sandbox.calls().stream().filter(c -> c.method().equals("POST") && c.collection().equals(collection))
                .map(SandboxCall::idempotencyKey).distinct().count();
    }
}
