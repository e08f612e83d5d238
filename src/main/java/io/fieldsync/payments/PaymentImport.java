package io.fieldsync.payments;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsync.sync.RecordLink;
import io.fieldsync.sync.RecordLinkRepository;
import io.fieldsync.sync.Watermark;
import io.fieldsync.sync.WatermarkRepository;
import io.fieldsync.xero.XeroConnection;
import io.fieldsync.xero.XeroJsonDates;
import io.fieldsync.xero.XeroReads;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decisions of the {@code import-payments} route: which Xero payments changed since the
 * import's watermark, and for each one whether it goes to a field-service invoice (its linked
 * invoice, or the one open invoice of the same customer for exactly its amount), is left for a
 * person (unmatched), or is none of the field-service system's business (FieldSync's own push,
 * not a sales payment, deleted). Each payment is decided once per organisation: an FSM invoice
 * never receives the same Xero payment twice.
 */
@Component("paymentImport")
public class PaymentImport {

    private static final Logger log = LoggerFactory.getLogger(PaymentImport.class);
    static final String ENTITY = "payment";

    private final XeroReads xero;
    private final XeroConnection connection;
    private final RecordLinkRepository links;
    private final WatermarkRepository watermarks;
    private final XeroPaymentRepository seen;
    private final int pageSize;
    private final Duration lookBack;

    public PaymentImport(XeroReads xero, XeroConnection connection, RecordLinkRepository links,
                         WatermarkRepository watermarks, XeroPaymentRepository seen,
                         @Value("${fieldsync.payments.import-page-size:100}") int pageSize,
                         @Value("${fieldsync.sync.look-back:PT10M}") Duration lookBack) {
        this.xero = xero;
        this.connection = connection;
        this.links = links;
        this.watermarks = watermarks;
        this.seen = seen;
        this.pageSize = pageSize;
        this.lookBack = lookBack;
    }

    /**
     * Sets up the pages: {@code page}, {@code morePages}, {@code importSince} and {@code importUpTo}.
     * Reads from a look-back before the watermark: a payment Xero saved in the same instant, or one
     * whose change became visible late, is read again rather than missed (the watermark column may
     * also round to the second), and payments decided once are not applied twice.
     */
    public void start(Exchange exchange) {
        Optional<Watermark> mark = watermarks.findById(key());
        exchange.setProperty("importSince", mark.map(Watermark::getLastUpdatedAt).map(at -> at.minus(lookBack)).orElse(null));
        exchange.setProperty("importUpTo", mark.map(Watermark::getLastUpdatedAt).orElse(null));
        exchange.setProperty("page", 0);
        exchange.setProperty("morePages", true);
    }

    /** The next page of payments changed since the watermark, oldest change first. */
    public List<JsonNode> nextPage(Exchange exchange) {
        int page = exchange.getProperty("page", Integer.class) + 1;
        exchange.setProperty("page", page);
        JsonNode answer = xero.changedSince("Payments?order=UpdatedDateUTC%20ASC&page=" + page + "&pageSize=" + pageSize,
                exchange.getProperty("importSince", Instant.class));
        List<JsonNode> payments = new ArrayList<>();
        answer.path("Payments").forEach(payments::add);
        exchange.setProperty("morePages", payments.size() >= pageSize);
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
     * {@code amount}) or {@code none}.
     */
    @Transactional
    public Map<String, Object> decide(JsonNode payment) {
        Long tenant = connection.currentTenant().getId();
        String paymentId = payment.path("PaymentID").asText();
        JsonNode invoice = payment.path("Invoice");
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("paymentId", paymentId);
        decision.put("amount", payment.path("Amount").decimalValue().setScale(2, java.math.RoundingMode.HALF_UP));
        LocalDate paidOn = XeroJsonDates.date(payment.path("Date").asText(null));
        decision.put("paidOn", paidOn == null ? null : paidOn.toString());
        decision.put("reference", payment.path("Reference").asText(null));
        decision.put("action", "none");

        XeroPayment record = seen.findByTenantRefAndPaymentId(tenant, paymentId).orElse(null);
        if (record != null && (record.applied() || record.getOutcome() == XeroPayment.Outcome.OURS)) {
            return decision; // applied (or ours) once already
        }
        if (record == null) {
            record = new XeroPayment(tenant, paymentId, invoice.path("InvoiceID").asText(null),
                    invoice.path("InvoiceNumber").asText(null), invoice.path("Contact").path("ContactID").asText(null),
                    invoice.path("Contact").path("Name").asText(null), (BigDecimal) decision.get("amount"), paidOn,
                    (String) decision.get("reference"));
        }
        if (links.findByTenantRefAndEntityAndXeroId(tenant, ENTITY, paymentId).isPresent()) {
            record.ended(XeroPayment.Outcome.OURS, null, "pushed by FieldSync");
        } else if (!"ACCRECPAYMENT".equals(payment.path("PaymentType").asText())) {
            record.ended(XeroPayment.Outcome.IGNORED, null, "a " + payment.path("PaymentType").asText() + ", not a payment of a sales invoice");
        } else if ("DELETED".equals(payment.path("Status").asText())) {
            record.ended(XeroPayment.Outcome.IGNORED, null, "deleted in Xero");
        } else {
            Optional<RecordLink> linkedInvoice = links.findByTenantRefAndEntityAndXeroId(tenant, "invoice", record.getInvoiceXeroId());
            Optional<RecordLink> customer = links.findByTenantRefAndEntityAndXeroId(tenant, "contact", record.getContactXeroId());
            if (linkedInvoice.isPresent()) {
                decision.put("action", "apply");
                decision.put("invoiceId", linkedInvoice.get().getLocalId());
                decision.put("outcome", XeroPayment.Outcome.IMPORTED.name());
            } else if (customer.isPresent()) {
                decision.put("action", "match");
                decision.put("customerId", customer.get().getLocalId());
            } else {
                record.ended(XeroPayment.Outcome.UNMATCHED, null, "invoice " + record.getInvoiceNumber()
                        + " is not from the field-service system and contact " + record.getContactName() + " is not linked to a customer");
            }
        }
        if (record.getOutcome() == null) {
            record.ended(XeroPayment.Outcome.UNMATCHED, null, "being imported");
        }
        seen.save(record);
        return decision;
    }

    /** {@code candidates}: the customer's open invoices whose amount due equals the payment's amount. */
    @Transactional
    public Map<String, Object> matched(Map<String, Object> decision, List<Map<String, Object>> candidates) {
        XeroPayment record = seen.findByTenantRefAndPaymentId(connection.currentTenant().getId(), (String) decision.get("paymentId")).orElseThrow();
        Map<String, Object> next = new LinkedHashMap<>(decision);
        if (candidates.size() == 1) {
            next.put("action", "apply");
            next.put("invoiceId", ((Number) candidates.get(0).get("id")).longValue());
            next.put("outcome", XeroPayment.Outcome.MATCHED.name());
        } else {
            next.put("action", "none");
            record.ended(XeroPayment.Outcome.UNMATCHED, null, (candidates.isEmpty() ? "no open invoice" : candidates.size() + " open invoices")
                    + " of the customer with exactly " + decision.get("amount") + " due");
            seen.save(record);
        }
        return next;
    }

    /** The FSM now has the payment (the route's insert and invoice update are done). */
    @Transactional
    public void applied(Map<String, Object> decision) {
        XeroPayment record = seen.findByTenantRefAndPaymentId(connection.currentTenant().getId(), (String) decision.get("paymentId")).orElseThrow();
        record.ended(XeroPayment.Outcome.valueOf((String) decision.get("outcome")), ((Number) decision.get("invoiceId")).longValue(), null);
        seen.save(record);
        log.info("Xero payment {} of {} applied to field-service invoice {}", record.getPaymentId(), record.getAmount(),
                record.getLocalInvoiceId());
    }

    /** Every page is done: the next import asks only for what changed after the newest change seen. */
    @Transactional
    public void commit(Exchange exchange) {
        Instant upTo = exchange.getProperty("importUpTo", Instant.class);
        if (upTo == null) {
            return;
        }
        Watermark mark = watermarks.findById(key()).orElseGet(() -> new Watermark(key()));
        mark.advanceTo(upTo, null);
        watermarks.save(mark);
    }

    public List<XeroPayment> unmatched() {
        return seen.findByTenantRefAndOutcomeOrderByPaidOnAscIdAsc(connection.currentTenant().getId(), XeroPayment.Outcome.UNMATCHED);
    }

    private Watermark.Key key() {
        return new Watermark.Key(connection.currentTenant().getId(), ENTITY, "pull");
    }
}
