package io.fieldsync.reconcile;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.fieldsync.push.SyncRules;
import io.fieldsync.xero.XeroConnection;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The field-service side of a period: the documents the push would export (the same rules as
 * SkipRules: issued, paid or void; no refunds, no unpaid $0 invoices, no never-exported voids), each
 * with its link to Xero and the status the push gives it there.
 */
@Component("fsmBooks")
public class FsmBooks {

    /** One kind's FSM documents of the period, and the links needed to tell what Xero holds that the FSM does not. */
    public record Books(DocumentKind kind, List<FsmDocument> documents, Set<String> linkedXeroIds, Set<String> linkedContacts) {
    }

    private final JdbcTemplate source;
    private final JdbcTemplate state;
    private final XeroConnection connection;
    private final SyncRules rules;

    public FsmBooks(@Qualifier("sourceDataSource") DataSource source, io.fieldsync.config.DatabaseTimeouts timeouts, JdbcTemplate state, XeroConnection connection, SyncRules rules) {
        this.source = timeouts.jdbcTemplate(source);
        this.state = state;
        this.connection = connection;
        this.rules = rules;
    }

    // a period's documents, one rule for the count and the read: invoices by issue date (both ends
    // included), bills by the day their order finished (the day after 'to' excluded)
    private static final String INVOICES_OF_PERIOD = "issue_date >= ? and issue_date <= ? and status in ('issued', 'paid', 'void')";
    private static final String BILLS_OF_PERIOD = "status = 'finished' and finished_at >= ? and finished_at < ?";

    private static Object[] invoiceDays(Period period) {
        return new Object[] {Date.valueOf(period.from()), Date.valueOf(period.to())};
    }

    private static Object[] billDays(Period period) {
        return new Object[] {Date.valueOf(period.from()), Date.valueOf(period.to().plusDays(1))};
    }

    /**
     * How many documents of the kind the period holds, at most (one count, for the cost estimate:
     * the push's finer rules may leave some out, never add any).
     */
    public int count(DocumentKind kind, Period period) {
        Integer count = switch (kind) {
            case INVOICE -> source.queryForObject("select count(*) from invoices where " + INVOICES_OF_PERIOD,
                    Integer.class, invoiceDays(period));
            case BILL -> source.queryForObject("select count(*) from purchase_orders where " + BILLS_OF_PERIOD,
                    Integer.class, billDays(period));
        };
        return count == null ? 0 : count;
    }

    /** Sales invoices dated in the period. */
    public Books invoices(Period period) {
        Long tenant = connection.currentTenant().getId();
        Map<Long, String> links = links(tenant, DocumentKind.INVOICE);
        Set<String> linkedXeroIds = new HashSet<>(links.values());
        String issued = rules.invoices().status();
        List<FsmDocument> documents = new ArrayList<>();
        source.query("""
                select i.id, i.invoice_number, i.status, i.total, i.tax_total,
                       (select coalesce(sum(p.amount), 0) from payments p
                         where p.invoice_id = i.id and p.deleted_at is null and p.amount > 0) as paid
                  from invoices i
                 where\s""" + INVOICES_OF_PERIOD + " order by i.id", row -> {
            long id = row.getLong("id");
            String status = row.getString("status");
            BigDecimal total = row.getBigDecimal("total");
            String xeroId = links.get(id);
            boolean exported = total.signum() > 0 || (total.signum() == 0 && "paid".equals(status));
            if (!exported || ("void".equals(status) && xeroId == null)) {
                return; // the push never sends it
            }
            String xeroStatus = switch (status) {
                case "void" -> "VOIDED";
                case "paid" -> "PAID";
                default -> issued == null ? "AUTHORISED" : issued;
            };
            documents.add(new FsmDocument(DocumentKind.INVOICE, id, row.getString("invoice_number"), xeroId, total,
                    row.getBigDecimal("tax_total"), xeroStatus, row.getBigDecimal("paid")));
        }, invoiceDays(period));
        return new Books(DocumentKind.INVOICE, documents, linkedXeroIds, linkedContacts(tenant, "contact"));
    }

    /**
     * Bills: purchase orders finished in the period (the bill is dated the day the order finished),
     * linked as entity bill; their payments are made in Xero, so amount paid is not compared.
     */
    public Books bills(Period period) {
        Long tenant = connection.currentTenant().getId();
        Map<Long, String> links = links(tenant, DocumentKind.BILL);
        Set<String> linkedXeroIds = new HashSet<>(links.values());
        String status = rules.invoices().status() == null ? "AUTHORISED" : rules.invoices().status();
        List<FsmDocument> documents = source.query(
                "select id, po_number, total, tax_total from purchase_orders where " + BILLS_OF_PERIOD + " order by id",
                (row, i) -> new FsmDocument(DocumentKind.BILL, row.getLong("id"), row.getString("po_number"),
                        links.get(row.getLong("id")), row.getBigDecimal("total"), row.getBigDecimal("tax_total"), status, null),
                billDays(period));
        return new Books(DocumentKind.BILL, documents, linkedXeroIds, linkedContacts(tenant, "vendor"));
    }

    private Set<String> linkedContacts(Long tenant, String entity) {
        return new HashSet<>(state.queryForList("select xero_id from record_link where tenant_ref = ? and entity = ?",
                String.class, tenant, entity));
    }

    /** Local id -> Xero id of the documents of this kind FieldSync linked. */
    private Map<Long, String> links(Long tenant, DocumentKind kind) {
        Map<Long, String> links = new HashMap<>();
        state.query("select local_id, xero_id from record_link where tenant_ref = ? and entity = ?",
                row -> { links.put(row.getLong("local_id"), row.getString("xero_id")); }, tenant, kind.entity());
        return links;
    }
}
