package io.fieldsync.runs;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.fieldsync.state.DeadLetter;
import io.fieldsync.state.DeadLetterRepository;
import io.fieldsync.state.RecordStatus;
import io.fieldsync.state.RecordStatusRepository;
import io.fieldsync.xero.Outgoing;
import io.fieldsync.xero.XeroConnection;
import io.fieldsync.xero.XeroUnavailableException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dead-letter channel of deliveries to Xero: a batch whose tries ran out is kept whole in
 * the state database (as sent, with the error, the attempts, the run and its records), and its
 * records are left PENDING with their attempt marked, so nothing is lost and the next run looks
 * them up before sending them again. A dead letter is resolved once every one of its records
 * has an outcome again. A run that lost its organisation keeps none: its records are the new
 * owner's, whose outcomes it must not overwrite.
 */
@Component("deadLetters")
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterRepository letters;
    private final RecordStatusRepository statuses;
    private final XeroConnection connection;
    private final TransactionTemplate transaction;
    private final RunFence fence;

    public DeadLetters(DeadLetterRepository letters, RecordStatusRepository statuses, XeroConnection connection,
                       TransactionTemplate transaction, RunFence fence) {
        this.fence = fence;
        this.letters = letters;
        this.statuses = statuses;
        this.connection = connection;
        this.transaction = transaction;
    }

    /**
     * Keeps the batch the exchange was delivering; called by the route configuration once
     * redeliveries ran out. Null when the run lost its organisation meanwhile: nothing is kept.
     */
    public DeadLetter keep(Exchange exchange) {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int attempts = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) + 1;
        Long runId = exchange.getProperty(SyncRuns.RUN_ID, Long.class);
        String entity = exchange.getProperty("entity", String.class);
        String collection = exchange.getProperty("xeroCollection", String.class);
        @SuppressWarnings("unchecked")
        List<Outgoing> batch = exchange.getProperty("batch", List.class);
        List<Long> localIds = batch == null ? List.of() : batch.stream().map(Outgoing::localId).toList();
        DeadLetter letter = new DeadLetter(runId, exchange.getFromRouteId(), collection,
                exchange.getProperty("xeroBody", String.class), error, attempts);
        letter.records(entity, localIds);
        Long tenant = connection.currentTenant().getId();
        letter.tenant(tenant);
        DeadLetter kept;
        try {
            kept = keep(letter, runId, entity, localIds, attempts, tenant);
        } catch (RunFencedException lost) {
            log.warn("A {} batch of {} {} records is not kept as a dead letter: {}", collection,
                    localIds.size(), entity, lost.getMessage());
            return null;
        }
        if (error instanceof XeroUnavailableException unavailable) {
            unavailable.gaveUp(attempts + " attempts; the batch is kept as dead letter " + kept.getId());
        }
        log.warn("Kept a {} batch of {} {} records as dead letter {} after {} attempts: {}", collection, localIds.size(),
                entity, kept.getId(), attempts, kept.getError());
        return kept;
    }

    private DeadLetter keep(DeadLetter letter, Long runId, String entity, List<Long> localIds, int attempts, Long tenant) {
        return transaction.execute(status -> {
            if (runId != null) {
                fence.check(runId); // first: the organisation's lock orders these writes before any start's
            }
            DeadLetter saved = letters.save(letter);
            String message = "Xero did not take its batch after " + attempts + " attempts (dead letter " + saved.getId()
                    + "): " + saved.getError() + "; it is looked up in Xero and sent again next run";
            statuses.findByTenantRefAndEntityAndLocalIdIn(tenant, entity, localIds).forEach(record -> {
                record.deadLettered(message, runId);
                statuses.save(record);
            });
            return saved;
        });
    }

    /** Resolves the dead letters whose records all have an outcome again (synced, failed or skipped). */
    @EventListener
    public void runEnded(SyncRunEnded ended) {
        resolveSettled();
    }

    public int resolveSettled() {
        List<DeadLetter> open = letters.findByResolvedAtIsNullOrderByIdAsc();
        int resolved = 0;
        for (DeadLetter letter : open) {
            if (settled(letter)) {
                letter.resolved();
                letters.save(letter);
                resolved++;
            }
        }
        return resolved;
    }

    private boolean settled(DeadLetter letter) {
        List<Long> ids = letter.getLocalIds();
        if (ids.isEmpty() || letter.getEntity() == null) {
            return false; // nothing says which records it held: a person resolves it
        }
        Map<Long, RecordStatus> byId = statuses.findByTenantRefAndEntityAndLocalIdIn(letter.getTenantRef(), letter.getEntity(), ids)
                .stream().collect(Collectors.toMap(RecordStatus::getLocalId, s -> s));
        Set<RecordStatus.Outcome> ended = Set.of(RecordStatus.Outcome.SYNCED, RecordStatus.Outcome.FAILED, RecordStatus.Outcome.SKIPPED);
        return ids.stream().allMatch(id -> byId.containsKey(id) && ended.contains(byId.get(id).getStatus())
                && !byId.get(id).outcomeUnknown());
    }
}
