package io.fieldsync.push;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.fieldsync.runs.RunCounts;
import io.fieldsync.runs.RunFence;
import io.fieldsync.runs.SyncMetrics;
import io.fieldsync.state.DeadlockVictims;
import io.fieldsync.state.RecordRowBatches;
import io.fieldsync.state.RecordLink;
import io.fieldsync.state.RecordLinkRepository;
import io.fieldsync.state.RecordStatus;
import io.fieldsync.state.RecordStatusRepository;
import io.fieldsync.xero.ElementResult;
import io.fieldsync.xero.Outgoing;
import io.fieldsync.xero.XeroConnection;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes what happened to each record of a delivered batch: the link (local id to Xero id) and
 * SYNCED for an accepted element, FAILED with Xero's own words for a refused one. Links and
 * statuses of a batch are written in one transaction.
 */
@Component("recordOutcomes")
public class RecordOutcomes {

    private final XeroConnection connection;
    private final RecordLinkRepository links;
    private final RecordStatusRepository statuses;
    private final RunCounts counts;
    private final SyncMetrics metrics;
    private final org.springframework.transaction.support.TransactionTemplate transaction;
    private final RunFence fence;
    private final RecordRowBatches newRows;

    public RecordOutcomes(XeroConnection connection, RecordLinkRepository links, RecordStatusRepository statuses,
                          RunCounts counts, SyncMetrics metrics,
                          org.springframework.transaction.support.TransactionTemplate transaction, RunFence fence,
                          RecordRowBatches newRows) {
        this.fence = fence;
        this.newRows = newRows;
        this.metrics = metrics;
        this.transaction = transaction;
        this.connection = connection;
        this.links = links;
        this.statuses = statuses;
        this.counts = counts;
    }

    /** Records skipped or refused before anything was sent (a rule, a missing customer, a mapping error). */
    @Transactional
    public void notSent(String entity, long runId, Map<Long, PushPage.NotSent> records) {
        fence.check(runId);
        Long tenant = connection.currentTenant().getId();
        Map<Long, RecordStatus> existing = statusesOf(tenant, entity, List.copyOf(records.keySet()));
        Map<RecordStatus.Outcome, Integer> counted = new java.util.EnumMap<>(RecordStatus.Outcome.class);
        List<RecordStatus> added = new ArrayList<>();
        records.forEach((localId, notSent) -> {
            RecordStatus status = existing.get(localId);
            if (status == null) {
                status = new RecordStatus(tenant, entity, localId);
                existing.put(localId, status);
                added.add(status);
            }
            if (notSent.outcome() == RecordStatus.Outcome.SKIPPED) {
                status.skip(notSent.skipKind(), notSent.reason(), runId);
            } else {
                status.record(notSent.outcome(), notSent.reason(), runId);
            }
            counted.merge(notSent.outcome(), 1, Integer::sum);
        });
        newRows.insertStatuses(added); // the others are managed: their changes are flushed at commit, in one batch
        counted.forEach((outcome, n) -> counts.add(runId, entity, outcome, n));
    }

    /** The current statuses of records about to be planned, by local id. */
    public Map<Long, RecordStatus> statusesOf(String entity, List<Long> localIds) {
        return statusesOf(connection.currentTenant().getId(), entity, localIds);
    }

    /**
     * Gives every record about to be sent a status row (PENDING) before the batches go out in
     * parallel, so the parallel steps only update rows and never insert side by side.
     */
    @Transactional
    public void pending(String entity, long runId, List<Outgoing> records) {
        fence.check(runId);
        Long tenant = connection.currentTenant().getId();
        Map<Long, RecordStatus> existing = statusesOf(tenant, entity, records.stream().map(Outgoing::localId).toList());
        List<RecordStatus> added = new ArrayList<>();
        for (Outgoing record : records) {
            if (!existing.containsKey(record.localId())) {
                RecordStatus status = new RecordStatus(tenant, entity, record.localId());
                status.record(RecordStatus.Outcome.PENDING, "waiting to be sent", runId);
                existing.put(record.localId(), status);
                added.add(status);
            }
        }
        newRows.insertStatuses(added);
        metrics.recorded(entity, RecordStatus.Outcome.PENDING, added.size());
    }

    /**
     * Marks a batch as sent-and-unanswered, committed before the request leaves, so a lost answer
     * is noticed. A run that lost its organisation stops here: the batch is not sent.
     */
    @Transactional
    public void attempting(String entity, long runId, List<Outgoing> batch) {
        fence.check(runId);
        Long tenant = connection.currentTenant().getId();
        List<Long> missing = newRows.markAttempting(tenant, entity, runId, batch.stream().map(Outgoing::localId).toList(),
                batch.stream().map(Outgoing::hash).toList());
        if (!missing.isEmpty()) {
            Map<Long, String> hashes = batch.stream().collect(Collectors.toMap(Outgoing::localId, Outgoing::hash, (a, b) -> b));
            List<RecordStatus> added = new ArrayList<>();
            for (Long localId : new java.util.LinkedHashSet<>(missing)) {
                RecordStatus status = new RecordStatus(tenant, entity, localId);
                status.attempting(hashes.get(localId), runId);
                added.add(status);
            }
            newRows.insertStatuses(added);
        }
    }

    /** Records whose look-up (their answer was lost) Xero refused: each FAILS alone with Xero's words, still to be looked up. */
    @Transactional
    public void lookUpRefused(String entity, Long runId, Map<Long, String> reasons) {
        if (reasons.isEmpty()) {
            return;
        }
        if (runId != null) {
            fence.check(runId);
        }
        Long tenant = connection.currentTenant().getId();
        Map<Long, RecordStatus> existing = statusesOf(tenant, entity, List.copyOf(reasons.keySet()));
        reasons.forEach((localId, reason) -> {
            RecordStatus status = existing.computeIfAbsent(localId, id -> new RecordStatus(tenant, entity, id));
            status.lookUpRefused(reason, runId);
            statuses.save(status);
        });
        if (runId != null) {
            counts.add(runId, entity, RecordStatus.Outcome.FAILED, reasons.size());
        }
    }

    /** Links a record found in Xero by its number (after an answer was lost), before it is sent again. */
    @Transactional
    public void linkFound(String entity, long localId, String xeroId, String number) {
        Long tenant = connection.currentTenant().getId();
        RecordLink link = links.findByTenantRefAndEntityAndLocalId(tenant, entity, localId)
                .orElseGet(() -> new RecordLink(tenant, entity, localId, xeroId));
        link.sent(number, null);
        links.save(link);
    }

    /**
     * A record found in Xero after its answer was lost, of a kind Xero never changes once made (a
     * payment): what Xero holds is what was sent, so it is recorded as Xero's answer would have
     * been (link, SYNCED with the sent payload's hash) instead of being sent again.
     */
    @Transactional
    public void foundAsSent(String entity, long localId, String xeroId, String number, String payloadHash) {
        Long tenant = connection.currentTenant().getId();
        RecordLink link = links.findByTenantRefAndEntityAndLocalId(tenant, entity, localId)
                .orElseGet(() -> new RecordLink(tenant, entity, localId, xeroId));
        link.sent(number, payloadHash);
        links.save(link);
        RecordStatus status = statuses.findByTenantRefAndEntityAndLocalId(tenant, entity, localId)
                .orElseGet(() -> new RecordStatus(tenant, entity, localId));
        status.record(RecordStatus.Outcome.SYNCED, null, status.getLastRunId());
        statuses.save(status);
    }

    /** Status rows for answered records that had none (written before the attempt as a rule), as the entity writes them. */
    private static List<RecordStatus> missingStatuses(Long tenant, String entity, long runId, List<RecordRowBatches.Answer> answers,
                                                      List<Long> missing) {
        java.util.Set<Long> wanted = new java.util.HashSet<>(missing);
        Map<Long, RecordStatus> added = new java.util.LinkedHashMap<>();
        for (RecordRowBatches.Answer answer : answers) {
            if (wanted.contains(answer.localId())) {
                RecordStatus status = added.computeIfAbsent(answer.localId(), id -> new RecordStatus(tenant, entity, id));
                if (answer.accepted()) {
                    status.record(RecordStatus.Outcome.SYNCED, null, runId);
                    status.warn(answer.warnings());
                } else {
                    status.record(RecordStatus.Outcome.FAILED, answer.message(), runId);
                }
            }
        }
        return List.copyOf(added.values());
    }

    private Map<Long, RecordStatus> statusesOf(Long tenant, String entity, List<Long> localIds) {
        if (localIds.isEmpty()) {
            return new HashMap<>();
        }
        return statuses.findByTenantRefAndEntityAndLocalIdIn(tenant, entity, localIds).stream()
                .collect(Collectors.toMap(RecordStatus::getLocalId, Function.identity(), (a, b) -> a, HashMap::new));
    }

    /**
     * Records a batch's answer. Batches are answered in parallel; on MySQL/MariaDB two of them
     * inserting links can deadlock on the unique indexes, and the database rolls one back: that
     * one is written again (it changed nothing yet), so no answer from Xero is lost.
     */
    public void save(String entity, long runId, List<Outgoing> batch, List<ElementResult> results) {
        DeadlockVictims.runAgain(5, () -> {
            transaction.executeWithoutResult(status -> saveOnce(entity, runId, batch, results));
            return null;
        }, () -> { });
    }

    private void saveOnce(String entity, long runId, List<Outgoing> batch, List<ElementResult> results) {
        if (batch.size() != results.size()) {
            throw new IllegalStateException("Xero answered " + results.size() + " elements for " + batch.size()
                    + " " + entity + " records");
        }
        fence.check(runId); // first: the organisation's lock orders this batch's writes before any start's
        Long tenant = connection.currentTenant().getId();
        int synced = 0;
        int failed = 0;
        List<RecordRowBatches.LinkAnswer> linked = new ArrayList<>();
        List<RecordRowBatches.Answer> answers = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Outgoing record = batch.get(i);
            ElementResult result = results.get(i);
            if (result.isOk()) {
                linked.add(new RecordRowBatches.LinkAnswer(record.localId(), result.xeroId(),
                        result.xeroNumber() != null ? result.xeroNumber() : record.number(), record.hash()));
                List<String> warnings = new ArrayList<>(record.warnings());
                warnings.addAll(result.messages());
                answers.add(new RecordRowBatches.Answer(record.localId(), true, null,
                        warnings.isEmpty() ? null : String.join("; ", warnings)));
                synced++;
            } else {
                answers.add(new RecordRowBatches.Answer(record.localId(), false, result.messages().isEmpty()
                        ? "Xero refused the record without a message" : String.join("; ", result.messages()), null));
                failed++;
            }
        }
        // written without reading them first, each kind in one batch: this runs for every batch of every push
        newRows.linkAnswers(tenant, entity, linked);
        List<Long> missing = newRows.recordAnswers(tenant, entity, runId, answers);
        if (!missing.isEmpty()) {
            newRows.insertStatuses(missingStatuses(tenant, entity, runId, answers, missing));
        }
        counts.add(runId, entity, RecordStatus.Outcome.SYNCED, synced);
        counts.add(runId, entity, RecordStatus.Outcome.FAILED, failed);
    }
}
