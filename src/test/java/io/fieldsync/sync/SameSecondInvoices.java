package io.fieldsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldsync.sandbox.XeroSandbox;
import io.fieldsync.state.SourceClock;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Thousands of invoices changed within one second, as a bulk import or a mass update leaves them:
 * copies of one invoice that has reached Xero, every copy at its own microsecond of the same
 * second but for runs of three that share one exactly. The same scenario runs on MariaDB and on
 * the demo's H2.
 */
final class SameSecondInvoices {

    static final String PREFIX = "SAME-";

    private final JdbcTemplate source;
    private final JdbcTemplate state;
    private final int count;
    private LocalDateTime second;

    SameSecondInvoices(JdbcTemplate source, JdbcTemplate state, int count) {
        this.source = source;
        this.state = state;
        this.count = count;
    }

    /** Writes the copies, a day after every row the field-service database has. */
    void write() {
        List<Long> synced = state.queryForList(
                "select local_id from record_status where entity = 'invoice' and status = 'SYNCED'", Long.class);
        assertThat(synced).as("invoices a first sync put in Xero").isNotEmpty();
        long template = source.queryForList("select id from invoices where status = 'issued' and amount_paid = 0"
                + " and total > 0 order by id", Long.class).stream().filter(synced::contains).findFirst()
                .orElseThrow(() -> new AssertionError("no issued, unpaid invoice reached Xero"));
        LocalDateTime latest = SourceClock.localTime(source.queryForObject("select max(updated_at) from invoices", Object.class));
        second = latest.plusDays(1).truncatedTo(ChronoUnit.SECONDS);
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            // 0, 0, 0, 7919, 7919, 7919, ... microseconds: distinct but for runs of three
            long micros = (n / 3) * 7919L % 1_000_000L;
            rows.add(new Object[] {PREFIX + n, SourceClock.sqlLiteral(second.plusNanos(micros * 1000)), template});
        }
        source.batchUpdate("insert into invoices (invoice_number, customer_id, job_id, site_id, status, issue_date, due_date,"
                + " service_date, currency, amounts_include_tax, notes, subtotal, tax_total, total, amount_paid, created_at, updated_at)"
                + " select ?, customer_id, job_id, site_id, status, issue_date, due_date, service_date, currency,"
                + " amounts_include_tax, notes, subtotal, tax_total, total, amount_paid, created_at, ? from invoices where id = ?", rows);
        source.update("insert into invoice_lines (invoice_id, line_no, material_id, technician_id, description, quantity,"
                + " unit_price, discount_percent, tax_code_id, line_total)"
                + " select n.id, l.line_no, l.material_id, l.technician_id, l.description, l.quantity, l.unit_price,"
                + " l.discount_percent, l.tax_code_id, l.line_total"
                + " from invoices n join invoice_lines l on l.invoice_id = ? where n.invoice_number like 'SAME-%'", template);
        assertThat(source.queryForObject("select count(distinct updated_at) from invoices where invoice_number like 'SAME-%'",
                Integer.class)).as("distinct updated_at among the copies").isEqualTo((count + 2) / 3);
    }

    /** Every copy is in Xero once, with the total of its field-service row, and recorded SYNCED. */
    void assertEachInXeroOnce(XeroSandbox sandbox) {
        List<ObjectNode> copies = sandbox.documents("Invoices").stream()
                .filter(invoice -> invoice.path("InvoiceNumber").asText().startsWith(PREFIX)).toList();
        Map<String, ObjectNode> byNumber = copies.stream().collect(Collectors.toMap(
                invoice -> invoice.path("InvoiceNumber").asText(), Function.identity(), (a, b) -> {
                    throw new AssertionError("invoice " + a.path("InvoiceNumber").asText() + " is in Xero twice");
                }));
        assertThat(byNumber).hasSize(count);
        java.math.BigDecimal total = source.queryForObject("select max(total) from invoices where invoice_number like 'SAME-%'",
                java.math.BigDecimal.class);
        assertThat(copies).allSatisfy(invoice -> assertThat(invoice.path("Total").decimalValue()).isEqualByComparingTo(total));
        List<Long> ids = source.queryForList("select id from invoices where invoice_number like 'SAME-%'", Long.class);
        int synced = 0;
        for (List<Long> chunk : chunks(ids)) {
            synced += state.queryForObject("select count(*) from record_status where entity = 'invoice' and status = 'SYNCED'"
                    + " and local_id in (" + chunk.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")", Integer.class);
        }
        assertThat(synced).as("copies recorded SYNCED").isEqualTo(count);
    }

    /** The latest updated_at of the copies, to the microsecond: where the push's watermark must end. */
    LocalDateTime lastChange() {
        long latest = 0;
        for (int n = 0; n < count; n++) {
            latest = Math.max(latest, (n / 3) * 7919L % 1_000_000L);
        }
        return second.plusNanos(latest * 1000);
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 1000)));
        }
        return chunks;
    }
}
