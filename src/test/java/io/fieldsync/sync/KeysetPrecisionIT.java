package io.fieldsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.fieldsync.state.SourceClock;
import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Change tracking at the database's own precision, on MariaDB through MySQL Connector/J (which
 * cuts Timestamp parameters to whole seconds there): more rows than a page within one second are
 * all read, once, and the run ends.
 */
class KeysetPrecisionIT extends MariaDbIntegrationTest {

    JdbcTemplate source;

    @BeforeEach
    void freshStart() {
        source = new JdbcTemplate(sourceDataSource);
        startFresh();
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

        long invoiceCalls = sandbox.apiCalls("POST", "Invoices");
        Map<String, Object> again = syncToEnd();
        assertThat(again.get("status")).as("run %s", again).isIn("SUCCEEDED", "COMPLETED_WITH_ERRORS");
        assertThat(sandbox.apiCalls("POST", "Invoices")).as("invoice batches sent by a run with nothing changed")
                .isEqualTo(invoiceCalls);
    }

    @Test
    void moreRecordsToLookAtAgainThanAPageAllGoOnceTheirCustomerDoes() {
        syncToEnd();
        SameSecondInvoices copies = new SameSecondInvoices(source, state, 1_200);
        copies.write();
        source.update("insert into customers (customer_number, company_name, email, deleted_at)"
                + " values ('C-WAIT', 'Waiting Room Holdings', 'accounts@waiting.example', current_timestamp(6))");
        long customer = source.queryForObject("select id from customers where customer_number = 'C-WAIT'", Long.class);
        source.update("update invoices set customer_id = ?, site_id = null, job_id = null where invoice_number like 'SAME-%'", customer);

        syncToEnd();
        assertThat(state.queryForObject("select count(*) from record_status where entity = 'invoice' and status = 'SKIPPED'"
                + " and skip_kind = 'DEPENDENCY'", Integer.class)).as("invoices waiting for their customer").isGreaterThanOrEqualTo(1_200);

        source.update("update customers set deleted_at = null where id = ?", customer);
        Map<String, Object> run = syncToEnd();

        assertThat(run.get("status")).as("run %s", run).isIn("SUCCEEDED", "COMPLETED_WITH_ERRORS");
        copies.assertEachInXeroOnce(sandbox);
    }
}
