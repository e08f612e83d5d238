package io.fieldsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.fieldsync.state.RecordStatusRepository;
import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The records looked at again every run (waiting for a customer, sent without an answer) leave
 * that set once their row has gone from the field-service database: they can no longer change
 * their outcome unless the row comes back, and a row that comes back is read as a change. One
 * sent without an answer keeps its attempt, so it is looked up in Xero before it is sent again.
 */
class RevisitRetirementIT extends MariaDbIntegrationTest {

    @Autowired
    RecordStatusRepository statuses;

    JdbcTemplate source;

    @BeforeEach
    void freshStart() {
        source = new JdbcTemplate(sourceDataSource);
        startFresh();
    }

    @Test
    void recordsWhoseRowsWereDeletedAreNoLongerLookedAtAgain() {
        syncToEnd();
        source.update("insert into customers (customer_number, company_name, email, deleted_at)"
                + " values ('C-GONE', 'Gone Fishing Pty', 'accounts@gone.example', current_timestamp(6))");
        long customer = source.queryForObject("select id from customers where customer_number = 'C-GONE'", Long.class);
        List<Long> invoices = List.of(invoiceOf(customer, "GONE-1"), invoiceOf(customer, "GONE-2"), invoiceOf(customer, "GONE-3"));
        syncToEnd();
        assertThat(state.queryForObject("select count(*) from record_status where entity = 'invoice' and skip_kind = 'DEPENDENCY'"
                + " and local_id in (?, ?, ?)", Integer.class, invoices.get(0), invoices.get(1), invoices.get(2)))
                .as("invoices waiting for their customer").isEqualTo(3);
        long tenant = state.queryForObject("select tenant_ref from record_status where entity = 'invoice' and local_id = ?",
                Long.class, invoices.get(0));
        // the second as if it had been sent and its answer lost
        state.update("update record_status set status = 'PENDING', skip_kind = null, attempted_at = current_timestamp(6),"
                + " content_hash = 'lost' where entity = 'invoice' and local_id = ?", invoices.get(1));
        delete(invoices.get(0));
        delete(invoices.get(1));

        Map<String, Object> run = syncToEnd();

        assertThat(run.get("status")).as("run %s", run).isIn("SUCCEEDED", "COMPLETED_WITH_ERRORS");
        Map<String, Object> waiting = statusOf(invoices.get(0));
        assertThat(waiting).containsEntry("status", "SKIPPED").containsEntry("skip_kind", "GONE");
        assertThat((String) waiting.get("message")).contains("no longer in the field-service database");
        Map<String, Object> lost = statusOf(invoices.get(1));
        assertThat(lost).containsEntry("status", "FAILED").containsEntry("skip_kind", "GONE");
        assertThat((String) lost.get("message")).contains("without an answer").contains("field-service id " + invoices.get(1));
        assertThat(lost.get("attempted_at")).as("the attempt stays marked, for a look-up if the row comes back").isNotNull();
        assertThat(statusOf(invoices.get(2))).containsEntry("skip_kind", "DEPENDENCY");
        assertThat(statuses.revisits(tenant, List.of("invoice"), 0, PageRequest.of(0, 1_000)))
                .as("looked at again next run").contains(invoices.get(2)).doesNotContain(invoices.get(0), invoices.get(1));

        // the customer and the lost invoice come back: the invoice is read as a change, looked up, and sent once
        source.update("update customers set deleted_at = null where id = ?", customer);
        restore(invoices.get(1), customer, "GONE-2");
        Map<String, Object> again = syncToEnd();
        assertThat(again.get("status")).as("run %s", again).isIn("SUCCEEDED", "COMPLETED_WITH_ERRORS");
        assertThat(statusOf(invoices.get(1))).containsEntry("status", "SYNCED");
        assertThat(sandbox.documents("Invoices").stream().filter(i -> "GONE-2".equals(i.path("InvoiceNumber").asText())).count())
                .as("GONE-2 in Xero").isEqualTo(1);
    }

    private long invoiceOf(long customer, String number) {
        restore(null, customer, number);
        return source.queryForObject("select id from invoices where invoice_number = ?", Long.class, number);
    }

    private void restore(Long id, long customer, String number) {
        source.update("insert into invoices (id, invoice_number, customer_id, status, issue_date, due_date, subtotal, tax_total, total)"
                + " values (?, ?, ?, 'issued', current_date, current_date + interval 14 day, 100.00, 10.00, 110.00)", id, number, customer);
        long invoice = source.queryForObject("select id from invoices where invoice_number = ?", Long.class, number);
        source.update("insert into invoice_lines (invoice_id, line_no, description, quantity, unit_price, line_total, tax_code_id)"
                + " values (?, 1, 'Call-out', 1, 100.00, 100.00, (select min(id) from tax_codes))", invoice);
    }

    private void delete(long invoice) {
        source.update("delete from invoice_lines where invoice_id = ?", invoice);
        source.update("delete from invoices where id = ?", invoice);
    }

    private Map<String, Object> statusOf(long invoice) {
        return state.queryForMap("select status, skip_kind, message, attempted_at from record_status where entity = 'invoice'"
                + " and local_id = ?", invoice);
    }
}
