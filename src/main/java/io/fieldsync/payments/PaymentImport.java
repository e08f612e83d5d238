package io.fieldsync.payments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsync.runs.RunFence;
import io.fieldsync.runs.SyncRuns;
import io.fieldsync.settings.PaymentProperties;
import io.fieldsync.settings.SyncProperties;
import io.fieldsync.state.RecordLink;
import io.fieldsync.state.RecordLinkRepository;
import io.fieldsync.state.Watermark;
import io.fieldsync.state.WatermarkRepository;
import io.fieldsync.xero.ChangePages;
import io.fieldsync.xero.XeroConnection;
import io.fieldsync.xero.XeroJsonDates;
import io.fieldsync.xero.XeroReads;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decisions of the {@code import-payments} route: which Xero payments changed since the
 * import's watermark, and for each one whether it goes to a field-service invoice (its linked
 * invoice, or the one open invoice of the same customer for exactly its amount), is left for a
 * person (unmatched), or is none of the field-service system's business (FieldSync's own push,
 * answered or not; not a sales payment; deleted). Each payment is decided once per organisation:
 * an FSM invoice never receives the same Xero payment twice, and loses it once when Xero deletes
 * or voids it after it was applied.
 */
@Component("paymentImport")
public class PaymentImport {

    /** The exchange property holding where the read goes next. */
    static final String PAGES = "importPages";

    private static final Logger log = LoggerFactory.getLogger(PaymentImport.class);
    static final String ENTITY = "payment";

    private final XeroReads xero;
    private final XeroConnection connection;
    private final RecordLinkRepository links;
    private final WatermarkRepository watermarks;
    private final XeroPaymentRepository seen;
    private final PaymentClaims claims;
    private final OwnPayments own;
    private final int pageSize;
    private final Duration lookBack;
    private final RunFence fence;

    public PaymentImport(XeroReads xero, XeroConnection connection, RecordLinkRepository links,
                         WatermarkRepository watermarks, XeroPaymentRepository seen, PaymentClaims claims, OwnPayments own,
                         RunFence fence,
                         PaymentProperties payments, SyncProperties sync) {
        int pageSize = payments.importPageSize();
        Duration lookBack = sync.lookBack();
        this.xero = xero;
        this.connection = connection;
        this.links = links;
        this.watermarks = watermarks;
        this.seen = seen;
        this.claims = claims;
        this.own = own;
        this.pageSize = pageSize;
        this.lookBack = lookBack;
        this.fence = fence;
    }

    /**
     * Sets up the pages: {@code page}, {@code morePages}, {@code importSince} and {@code importUpTo}.
     * Reads from a look-back before the watermark: a payment Xero saved in the same instant, or one
     * whose change became visible late, is read again rather than missed (the watermark column may
     * also round to the second), and payments decided once are not applied twice.
     */
    public void start(Exchange exchange) {
        Optional<Watermark> mark = watermarks.findById(key());
        Instant since = mark.map(Watermark::getLastUpdatedAt).map(at -> at.minus(lookBack)).orElse(null);
        exchange.setProperty("importSince", since);
        exchange.setProperty("importUpTo", mark.map(Watermark::getLastUpdatedAt).orElse(null));
        exchange.setProperty(PAGES, ChangePages.from(since));
        exchange.setProperty("morePages", true);
        exchange.setProperty(HeldBack.PROPERTY, new HeldBack());
    }

    /** The next page of payments changed since the watermark, oldest change first. */
    public List<JsonNode> nextPage(Exchange exchange) {
        checkFence(exchange); // once a page; each claim checks it too, in its own update
        // each page from the newest change the last one held: a payment edited meanwhile is read, not skipped
        ChangePages pages = exchange.getProperty(PAGES, ChangePages.class);
        JsonNode answer = xero.changedSince("Payments?" + pages.query(pageSize), pages.since());
        List<JsonNode> payments = new ArrayList<>();
        answer.path("Payments").forEach(payments::add);
        pages = pages.after(payments, pageSize);
        exchange.setProperty(PAGES, pages);
        exchange.setProperty("morePages", !pages.done());
        Instant upTo = exchange.getProperty("importUpTo", Instant.class);
        for (JsonNode payment : payments) {
            Instant updated = XeroJsonDates.instant(payment.path("UpdatedDateUTC").asText(null));
            if (updated != null && (upTo == null || updated.isAfter(upTo))) {
                upTo = updated;
            }
        }
        exchange.setProperty("importUpTo", upTo);
        return payments;
    }

    /**
     * What to do with one Xero payment. The answer's {@code action}: {@code apply} (to
     * {@code invoiceId}), {@code match} (look for the customer's open invoice of exactly
     * {@code amount}), {@code reverse} (take it back out of {@code invoiceId}) or {@code none}.
     * Apply, match and reverse are taken under the payment's claim ({@code claim}), so two imports
     * at once never write one payment twice; a payment another import holds is left to it, and the
     * watermark stays before it ({@code held}) so it is read again should that import die.
     *
     * @param runId the run this import is part of (a claim dies with its run); null outside a run
     */
    public Map<String, Object> decide(JsonNode payment, Long runId, HeldBack held) {
        long tenant = connection.currentTenant().getId();
        XeroPayment asSent = XeroPayment.seen(tenant, payment);
        String paymentId = asSent.getPaymentId();
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("paymentId", paymentId);
        decision.put("amount", asSent.getAmount());
        decision.put("paidOn", asSent.getPaidOn() == null ? null : asSent.getPaidOn().toString());
        decision.put("reference", asSent.getReference());
        decision.put("action", "none");
        String status = payment.path("Status").asText();
        boolean gone = XeroPayment.gone(payment);

        XeroPayment record = seen.findByTenantRefAndPaymentId(tenant, paymentId).orElseGet(() -> firstSight(asSent));
        if (record.applied()) {
            if (gone) {
                reverse(tenant, record, runId, held, payment, decision);
            }
            return decision; // applied once already; taken back out once, when Xero deletes it
        }
        if (record.getOutcome() != XeroPayment.Outcome.SEEN && record.getOutcome() != XeroPayment.Outcome.UNMATCHED) {
            return decision; // ours, ignored or reversed: decided for good
        }
        String claim = claims.claimUndecided(tenant, paymentId, runId);
        if (claim == null) {
            held.payment(payment); // another import is deciding it
            return decision;
        }
        Optional<String> ours = own.recognise(tenant, paymentId, record.getReference(), gone);
        if (ours.isPresent()) {
            claims.settle(tenant, paymentId, claim, XeroPayment.Outcome.OURS, null, ours.get());
        } else if (!"ACCRECPAYMENT".equals(payment.path("PaymentType").asText())) {
            claims.settle(tenant, paymentId, claim, XeroPayment.Outcome.IGNORED, null,
                    "a " + payment.path("PaymentType").asText() + ", not a payment of a sales invoice");
        } else if (gone) {
            claims.settle(tenant, paymentId, claim, XeroPayment.Outcome.IGNORED, null, status.toLowerCase(java.util.Locale.ROOT)
                    + " in Xero before it was imported");
        } else {
            Optional<RecordLink> linkedInvoice = links.findByTenantRefAndEntityAndXeroId(tenant, "invoice", record.getInvoiceXeroId());
            Optional<RecordLink> customer = links.findByTenantRefAndEntityAndXeroId(tenant, "contact", record.getContactXeroId());
            if (linkedInvoice.isPresent()) {
                decision.put("action", "apply");
                decision.put("invoiceId", linkedInvoice.get().getLocalId());
                decision.put("outcome", XeroPayment.Outcome.IMPORTED.name());
                decision.put("claim", claim);
            } else if (customer.isPresent()) {
                decision.put("action", "match");
                decision.put("customerId", customer.get().getLocalId());
                decision.put("claim", claim);
            } else {
                claims.settle(tenant, paymentId, claim, XeroPayment.Outcome.UNMATCHED, null, "invoice " + record.getInvoiceNumber()
                        + " is not from the field-service system and contact " + record.getContactName() + " is not linked to a customer");
            }
        }
        return decision;
    }

    /** The payment's row, written the first time any import sees it; a concurrent import's insert wins harmlessly. */
    private XeroPayment firstSight(XeroPayment record) {
        claims.register(record);
        return seen.findByTenantRefAndPaymentId(record.getTenantRef(), record.getPaymentId()).orElseThrow();
    }

    /** An applied payment deleted or voided in Xero: taken back out under its claim, once. */
    private void reverse(long tenant, XeroPayment record, Long runId, HeldBack held, JsonNode payment, Map<String, Object> decision) {
        String claim = claims.claimApplied(tenant, record.getPaymentId(), runId);
        if (claim == null) {
            held.payment(payment);
            return;
        }
        decision.put("action", "reverse");
        decision.put("invoiceId", record.getLocalInvoiceId());
        decision.put("claim", claim);
        decision.put("status", payment.path("Status").asText().toLowerCase(java.util.Locale.ROOT));
    }

    /** {@code candidates}: the customer's open invoices whose amount due equals the payment's amount. */
    public Map<String, Object> matched(Map<String, Object> decision, List<Map<String, Object>> candidates) {
        Map<String, Object> next = new LinkedHashMap<>(decision);
        if (candidates.size() == 1) {
            next.put("action", "apply");
            next.put("invoiceId", ((Number) candidates.get(0).get("id")).longValue());
            next.put("outcome", XeroPayment.Outcome.MATCHED.name());
        } else {
            next.put("action", "none");
            claims.settle(connection.currentTenant().getId(), (String) decision.get("paymentId"), (String) decision.get("claim"),
                    XeroPayment.Outcome.UNMATCHED, null, (candidates.isEmpty() ? "no open invoice" : candidates.size() + " open invoices")
                            + " of the customer with exactly " + decision.get("amount") + " due");
        }
        return next;
    }

    /** The FSM now has the payment (the route's insert and invoice update are done). */
    public void applied(Map<String, Object> decision) {
        long invoiceId = ((Number) decision.get("invoiceId")).longValue();
        if (claims.settle(connection.currentTenant().getId(), (String) decision.get("paymentId"), (String) decision.get("claim"),
                XeroPayment.Outcome.valueOf((String) decision.get("outcome")), invoiceId, null)) {
            log.info("Xero payment {} of {} applied to field-service invoice {}", decision.get("paymentId"), decision.get("amount"),
                    invoiceId);
        }
    }

    /** The FSM payment is marked deleted and its invoice's amount_paid and status recomputed (the route's updates). */
    public void reversed(Map<String, Object> decision) {
        long invoiceId = ((Number) decision.get("invoiceId")).longValue();
        if (claims.settle(connection.currentTenant().getId(), (String) decision.get("paymentId"), (String) decision.get("claim"),
                XeroPayment.Outcome.REVERSED, invoiceId, decision.get("status") + " in Xero after it was imported; taken back out of"
                        + " field-service invoice " + invoiceId + " (payment marked deleted, amount paid and status recomputed)")) {
            log.warn("Xero payment {} of {} was {} in Xero: taken back out of field-service invoice {}", decision.get("paymentId"),
                    decision.get("amount"), decision.get("status"), invoiceId);
        }
    }

    /** Every page is done: the next import asks only for what changed after the newest change seen. */
    @Transactional
    public void commit(Exchange exchange) {
        checkFence(exchange);
        Instant upTo = exchange.getProperty("importUpTo", Instant.class);
        Instant held = exchange.getProperty(HeldBack.PROPERTY, HeldBack.class).earliest();
        if (held != null && upTo != null && held.isBefore(upTo)) {
            upTo = held; // read again next time: another import holds a payment changed then
        }
        if (upTo == null) {
            return;
        }
        Watermark mark = watermarks.findById(key()).orElseGet(() -> new Watermark(key()));
        mark.advanceTo(upTo, null);
        watermarks.save(mark);
    }

    private void checkFence(Exchange exchange) {
        Long runId = exchange.getProperty(SyncRuns.RUN_ID, Long.class);
        if (runId != null) {
            fence.check(runId);
        }
    }

    public List<XeroPayment> unmatched() {
        return seen.findByTenantRefAndOutcomeOrderByPaidOnAscIdAsc(connection.currentTenant().getId(), XeroPayment.Outcome.UNMATCHED);
    }

    private Watermark.Key key() {
        return new Watermark.Key(connection.currentTenant().getId(), ENTITY, "pull");
    }
}
