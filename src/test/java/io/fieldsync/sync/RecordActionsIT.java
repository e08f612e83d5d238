package io.fieldsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.fieldsync.testing.MariaDbIntegrationTest;
import io.fieldsync.testing.TestSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Per-record status with links into Xero, and what an operator does with a FAILED record: the
 * schedule never sends it again blindly; a re-sync sends it once more, a skip retires it.
 */
class RecordActionsIT extends MariaDbIntegrationTest {

    @Autowired
    ConfigurableEnvironment environment;
    private TestSettings settings;

    /** Duplicate names fail, as Xero has them fail: the sample data's second "Lachlan Ryan" is a record Xero refuses. */
    @BeforeEach
    void freshStart() {
        startFresh();
        settings = new TestSettings(environment).set("fieldsync.contacts.duplicate-names", "fail");
    }

    @AfterEach
    void settingsBack() {
        settings.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void recordsCarryTheirXeroLinkAndFilterByEntityStatusAndTime() {
        syncToEnd();

        List<Map<String, Object>> synced = asViewer().getForObject("/api/records?entity=contact&status=SYNCED&size=500", List.class);
        List<Map<String, Object>> failed = asViewer().getForObject("/api/records?entity=contact&status=FAILED", List.class);
        List<Map<String, Object>> future = asViewer().getForObject("/api/records?from=2999-01-01T00:00:00Z", List.class);

        assertThat(synced).isNotEmpty().allSatisfy(record -> assertThat(record.get("xeroUrl").toString())
                .isEqualTo("https://go.xero.com/app/" + shortCode() + "/contacts/contact/" + record.get("xeroId")));
        // Xero refused a duplicate name; an email address typed wrong was left out, with a warning
        assertThat(failed).hasSize(1).allSatisfy(record -> assertThat(record).doesNotContainKey("xeroUrl"))
                .extracting(record -> record.get("message").toString())
                .anySatisfy(message -> assertThat(message).contains("Lachlan Ryan"));
        assertThat(synced).extracting(record -> String.valueOf(record.get("warnings")))
                .anySatisfy(warnings -> assertThat(warnings).contains("\"accounts@@harbourview-strata\" is not a valid email"));
        assertThat(future).isEmpty();
        ResponseEntity<Map> badTime = asViewer().getForEntity("/api/records?from=yesterday", Map.class);
        assertThat(badTime.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badTime.getBody()).containsEntry("field", "from");
    }

    @Test
    void aFailedRecordIsNotSentAgainUntilAnOperatorAsks() {
        syncToEnd();
        long failedContact = failedContact();
        long contactCalls = contactWrites();

        syncToEnd();
        assertThat(contactWrites()).as("the schedule does not retry a FAILED record blindly").isEqualTo(contactCalls);

        ResponseEntity<Map> resync = asOperator().postForEntity("/api/records/contact/" + failedContact + "/resync", null, Map.class);
        assertThat(resync.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(resync.getBody()).containsEntry("status", "PENDING");
        Map<String, Object> run = syncToEnd();

        assertThat(contactWrites()).as("re-synced: sent once more").isEqualTo(contactCalls + 1);
        assertThat(statusOf(failedContact)).isEqualTo("FAILED");
        assertThat(((Map<?, ?>) ((Map<?, ?>) run.get("counts")).get("contact")).get("failed")).isEqualTo(1);
    }

    @Test
    void aSkippedRecordStaysSkippedWithTheOperatorsReason() {
        syncToEnd();
        long failedContact = failedContact();

        ResponseEntity<Map> skipped = asOperator().postForEntity("/api/records/contact/" + failedContact + "/skip",
                Map.of("reason", "duplicate of customer kept in Xero"), Map.class);
        long contactCalls = contactWrites();
        syncToEnd();

        assertThat(skipped.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(skipped.getBody()).containsEntry("status", "SKIPPED")
                .containsEntry("message", "Skipped by " + OPERATOR + ": duplicate of customer kept in Xero");
        assertThat(statusOf(failedContact)).isEqualTo("SKIPPED");
        assertThat(contactWrites()).isEqualTo(contactCalls);
        ResponseEntity<Map> again = asOperator().postForEntity("/api/records/contact/" + failedContact + "/skip", null, Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("error").toString()).contains("only FAILED records can be skipped");
    }

    @Test
    void allFailedInvoicesGoAgainWithOneRequest() {
        syncToEnd();
        int failedInvoices = state.queryForObject(
                "select count(*) from record_status where entity = 'invoice' and status = 'FAILED'", Integer.class);

        ResponseEntity<Map> bulk = asOperator().postForEntity("/api/records/invoice/resync", null, Map.class);

        assertThat(failedInvoices).isPositive();
        assertThat(bulk.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(bulk.getBody()).containsEntry("marked", failedInvoices);
        assertThat(state.queryForObject("select count(*) from record_status where entity = 'invoice' and status = 'PENDING'"
                + " and resync_requested_at is not null", Integer.class)).isEqualTo(failedInvoices);
        Map<String, Object> run = syncToEnd();
        assertThat(((Map<?, ?>) ((Map<?, ?>) run.get("counts")).get("invoice")).get("failed"))
                .as("looked at again, and Xero's answer is recorded again").isEqualTo(failedInvoices);
    }

    /** The contact Xero refused (a duplicate name): sending it again reaches Xero. */
    private long failedContact() {
        return state.queryForObject("select local_id from record_status where entity = 'contact' and status = 'FAILED'"
                + " and message like '%already assigned to another contact%'", Long.class);
    }

    private String statusOf(long contact) {
        return state.queryForObject("select status from record_status where entity = 'contact' and local_id = ?", String.class, contact);
    }

    private long contactWrites() {
        return sandbox.apiCalls("POST", "Contacts");
    }

    private String shortCode() {
        return state.queryForObject("select short_code from xero_tenant", String.class);
    }
}
