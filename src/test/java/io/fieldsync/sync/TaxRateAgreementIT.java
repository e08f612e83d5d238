package io.fieldsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A tax code whose FSM rate is no longer the rate of the Xero tax type it is mapped to (here the
 * FSM's GST went to 5 % while fieldsync.tax-types.GST stays OUTPUT, 10 % in Xero): Xero would
 * compute another tax than the FSM's, so every invoice line of that code fails before it is sent,
 * with both rates, and the settings check at the start of the sync reports the setting.
 */
class TaxRateAgreementIT extends MariaDbIntegrationTest {

    private JdbcTemplate source;

    @BeforeEach
    void freshStart() {
        source = new JdbcTemplate(sourceDataSource);
        startFresh();
    }

    @Test
    void anInvoiceLineWhoseRatesDisagreeFailsBeforeSendingWithBothRates() {
        source.update("update tax_codes set rate = 5.0000 where code = 'GST'");
        String invoice = source.queryForObject("""
                select min(i.invoice_number) from invoices i join customers c on c.id = i.customer_id
                 where i.status in ('issued', 'paid') and i.total > 0 and c.deleted_at is null
                   and exists (select 1 from invoice_lines l join tax_codes t on t.id = l.tax_code_id
                                where l.invoice_id = i.id and t.code = 'GST')""", String.class);
        long invoiceId = source.queryForObject("select id from invoices where invoice_number = ?", Long.class, invoice);

        syncToEnd();

        Map<String, Object> status = state.queryForMap(
                "select status, message from record_status where entity = 'invoice' and local_id = ?", invoiceId);
        assertThat(status.get("status")).isEqualTo("FAILED");
        assertThat((String) status.get("message")).contains("FSM tax code GST: FSM rate 5% but Xero OUTPUT is 10%");
        assertThat(sandbox.documents("Invoices")).as("nothing of it reached Xero")
                .noneMatch(i -> invoice.equals(i.path("InvoiceNumber").asText()));
        List<String> alerts = state.queryForList("select body from alert_outbox where condition_key = 'settings-not-in-xero'", String.class);
        assertThat(alerts).singleElement().satisfies(body ->
                assertThat(body).contains("fieldsync.tax-types.GST: FSM rate 5% but Xero OUTPUT is 10%"));
    }
}
