package io.fieldsync.payments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsync.xero.XeroConnection;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes out of a page of Xero payments, with two queries and one batch for the whole page, those
 * the import need not decide one by one: payments decided before for good, applied ones Xero has
 * not deleted, and the payments FieldSync itself pushed (linked), which are recorded as OURS here
 * instead of being claimed, looked at and settled one at a time. After a push of thousands of
 * payments the import reads them all back; this is what keeps that read from costing a handful of
 * statements and commits each. What is left goes through {@link PaymentImport#decide} as before.
 */
@Component("knownPayments")
public class KnownPayments {

    private static final Set<String> DECIDED_FOR_GOOD = Set.of("OURS", "IGNORED", "REVERSED");
    private static final Set<String> APPLIED = Set.of("IMPORTED", "MATCHED");

    private final XeroConnection connection;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transaction;
    private final PaymentClaims claims;

    public KnownPayments(XeroConnection connection, JdbcTemplate state, TransactionTemplate transaction, PaymentClaims claims) {
        this.connection = connection;
        this.named = new NamedParameterJdbcTemplate(state);
        this.transaction = transaction;
        this.claims = claims;
    }

    /** The payments of the page still to be decided one by one, in the page's order. */
    public List<JsonNode> stillToDecide(List<JsonNode> page) {
        if (page.isEmpty()) {
            return page;
        }
        long tenant = connection.currentTenant().getId();
        List<String> ids = page.stream().map(payment -> payment.path("PaymentID").asText()).toList();
        MapSqlParameterSource query = new MapSqlParameterSource("tenant", tenant).addValue("ids", ids);
        Map<String, String> outcomes = new HashMap<>();
        named.query("select payment_id, outcome from xero_payment where tenant_ref = :tenant and payment_id in (:ids)", query,
                row -> {
                    outcomes.put(row.getString("payment_id"), row.getString("outcome"));
                });
        Set<String> pushed = new HashSet<>(named.queryForList("select xero_id from record_link"
                + " where tenant_ref = :tenant and entity = '" + OwnPayments.ENTITY + "' and xero_id in (:ids)", query, String.class));

        List<JsonNode> undecided = new ArrayList<>();
        List<JsonNode> ours = new ArrayList<>();
        for (JsonNode payment : page) {
            String id = payment.path("PaymentID").asText();
            String outcome = outcomes.get(id);
            boolean gone = XeroPayment.gone(payment);
            if (outcome == null && pushed.contains(id) && !gone) {
                ours.add(payment);
            } else if (outcome == null || !(DECIDED_FOR_GOOD.contains(outcome) || (APPLIED.contains(outcome) && !gone))) {
                undecided.add(payment);
            }
        }
        if (!recordOurs(tenant, ours)) {
            // another import wrote one of them meanwhile: these go the one-by-one way, under claims
            undecided.addAll(ours);
        }
        return undecided;
    }

    /** FieldSync's own payments' rows, decided at first sight (OURS), in one transaction; false if any row exists already. */
    private boolean recordOurs(long tenant, List<JsonNode> ours) {
        if (ours.isEmpty()) {
            return true;
        }
        try {
            transaction.executeWithoutResult(tx -> claims.registerDecided(
                    ours.stream().map(payment -> XeroPayment.seen(tenant, payment)).toList(), XeroPayment.Outcome.OURS,
                    "pushed by FieldSync"));
            return true;
        } catch (DataAccessException anotherImportWroteOne) {
            return false;
        }
    }
}
