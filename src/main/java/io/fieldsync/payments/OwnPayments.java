package io.fieldsync.payments;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fieldsync.push.SyncRules;
import io.fieldsync.state.RecordLink;
import io.fieldsync.state.RecordLinkRepository;
import io.fieldsync.state.RecordStatus;
import io.fieldsync.state.RecordStatusRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the payment import which Xero payments FieldSync itself sent. A payment is FieldSync's
 * from the moment its attempt is recorded (record_status, written before the batch leaves), not
 * from the moment Xero's answer arrives: one whose answer was lost is known by its Reference
 * ({@code <reference-prefix>P<payment id>[ <fsm reference>]}, mapping {@code payment.to-xero})
 * and that recorded attempt, and is linked here as if the answer had come (link, SYNCED with the
 * attempted payload's hash), so the next push neither sends it again nor looks it up.
 */
@Component("ownPayments")
public class OwnPayments {

    static final String ENTITY = "payment";
    private static final Logger log = LoggerFactory.getLogger(OwnPayments.class);

    private final RecordLinkRepository links;
    private final RecordStatusRepository statuses;
    private final SyncRules rules;
    private final TransactionTemplate transaction;

    public OwnPayments(RecordLinkRepository links, RecordStatusRepository statuses, SyncRules rules,
                       TransactionTemplate transaction) {
        this.links = links;
        this.statuses = statuses;
        this.rules = rules;
        this.transaction = transaction;
    }

    /**
     * Why the payment is FieldSync's own, or empty when it is not.
     *
     * @param gone deleted or voided in Xero: recognised, but not linked (the push finds the live one)
     */
    public Optional<String> recognise(long tenant, String paymentId, String reference, boolean gone) {
        if (links.findByTenantRefAndEntityAndXeroId(tenant, ENTITY, paymentId).isPresent()) {
            return Optional.of("pushed by FieldSync");
        }
        Optional<Long> localId = localIdOf(reference);
        if (localId.isEmpty()) {
            return Optional.empty();
        }
        return transaction.execute(tx -> {
            RecordStatus status = statuses.findByTenantRefAndEntityAndLocalId(tenant, ENTITY, localId.get()).orElse(null);
            if (status == null || (status.getAttemptedAt() == null && status.getContentHash() == null)) {
                return Optional.<String>empty(); // FieldSync never sent this one: the Reference only looks like ours
            }
            Optional<RecordLink> linked = links.findByTenantRefAndEntityAndLocalId(tenant, ENTITY, localId.get());
            if (linked.isPresent()) {
                log.warn("Xero payment {} ({}) is a second copy of field-service payment {}, which is Xero payment {}; not imported",
                        paymentId, reference, localId.get(), linked.get().getXeroId());
                return Optional.of("a second copy in Xero of field-service payment " + localId.get() + " (Xero payment "
                        + linked.get().getXeroId() + "), sent by FieldSync; not imported");
            }
            if (gone) {
                return Optional.of("sent by FieldSync as field-service payment " + localId.get() + ", deleted in Xero; not imported");
            }
            RecordLink link = new RecordLink(tenant, ENTITY, localId.get(), paymentId);
            link.sent(reference, status.getContentHash());
            links.save(link);
            status.record(RecordStatus.Outcome.SYNCED, null, status.getLastRunId());
            statuses.save(status);
            log.info("Xero payment {} is field-service payment {}, sent by FieldSync without an answer; linked", paymentId,
                    localId.get());
            return Optional.of("sent by FieldSync as field-service payment " + localId.get()
                    + " (its answer was lost); linked by the import");
        });
    }

    /** The field-service payment id in a Reference FieldSync wrote, e.g. 12 in {@code FS-P12 cheque 88}. */
    Optional<Long> localIdOf(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String prefix = rules.invoices().referencePrefix();
        Matcher id = Pattern.compile("^" + Pattern.quote(prefix == null ? "" : prefix) + "P(\\d{1,18})(?: |$)").matcher(reference);
        return id.find() ? Optional.of(Long.parseLong(id.group(1))) : Optional.empty();
    }
}
