package io.fieldsync.push;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fieldsync.runs.RunFence;
import io.fieldsync.runs.SyncRuns;
import io.fieldsync.state.KeysetPosition;
import io.fieldsync.state.RecordStatusRepository;
import io.fieldsync.state.SourceClock;
import io.fieldsync.state.Watermark;
import io.fieldsync.state.WatermarkRepository;
import io.fieldsync.xero.XeroConnection;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a push reads from: keyset pages on the field-service table's (updated_at, id), starting a
 * look-back window before the entity's watermark so rows committed late by long transactions are
 * read again (their unchanged hash makes that free). The watermark moves only after a page's
 * records are linked. Route steps set and read these exchange properties:
 * {@code afterUpdatedAt} (a literal with microseconds, see {@link SourceClock}), {@code afterId},
 * {@code pageSize}, {@code morePages}, {@code revisitIds} and {@code moreRevisits} (the records
 * looked at again, a page at a time), {@code revisited}.
 */
@Component("pushCursor")
public class PushCursor {

    private static final LocalDateTime BEGINNING = LocalDateTime.of(1970, 1, 1, 0, 0);
    private static final String KEYSET = "keyset";
    private static final String KEYSET_ENTITY = "keysetEntity";
    private static final String WATERMARK_CANDIDATE = "watermarkCandidate";
    static final String REVISIT_ENTITIES = "revisitEntities";
    /** camel-sql cannot bind an empty IN list; -1 is never an id. */
    static final long NO_REVISITS = -1L;
    private static final String REVISIT_AFTER = "revisitAfter";

    private final XeroConnection connection;
    private final WatermarkRepository watermarks;
    private final RecordStatusRepository statuses;
    private final SourceClock clock;
    private final Duration lookBack;
    private final int pageSize;
    private final RunFence fence;

    public PushCursor(XeroConnection connection, WatermarkRepository watermarks, RecordStatusRepository statuses, SourceClock clock,
                      RunFence fence,
                      @Value("${fieldsync.sync.look-back:PT10M}") Duration lookBack,
                      @Value("${fieldsync.sync.page-size:500}") int pageSize) {
        this.fence = fence;
        this.connection = connection;
        this.watermarks = watermarks;
        this.statuses = statuses;
        this.clock = clock;
        this.lookBack = lookBack;
        this.pageSize = pageSize;
    }

    /** Positions the exchange at the watermark minus the look-back, and lists the records to look at again. */
    public void start(String entity, Exchange exchange) {
        Long tenant = connection.currentTenant().getId();
        LocalDateTime from = watermarks.findById(key(tenant, entity))
                .map(this::resumeAt)
                .map(at -> at.minus(lookBack))
                .orElse(BEGINNING);
        moveTo(new KeysetPosition(from, 0L), exchange);
        exchange.setProperty(KEYSET_ENTITY, entity);
        exchange.setProperty("pageSize", pageSize);
        exchange.setProperty("morePages", true);
        exchange.setProperty(WATERMARK_CANDIDATE, null);
        exchange.setProperty(REVISIT_ENTITIES, new java.util.ArrayList<>(List.of(entity)));
        exchange.setProperty(REVISIT_AFTER, 0L);
        exchange.setProperty("moreRevisits", true);
        // a record looked at again can be among the changed rows too (after a crash, all of them are): decided once
        exchange.setProperty("revisited", new HashMap<Long, Instant>());
    }

    /**
     * Adds the records of another entity kept on the same rows (a purchase order's file and its
     * copy on the order's bill) to the ones looked at again.
     */
    @SuppressWarnings("unchecked")
    public void revisitAlso(String entity, Exchange exchange) {
        exchange.getProperty(REVISIT_ENTITIES, List.class).add(entity);
    }

    /**
     * The next page of records to look at again ({@code revisitIds}, at most a page), read before
     * the changed rows; {@code moreRevisits} says whether another follows. Each joins
     * {@code revisited}, so one among the changed rows later is not decided twice.
     */
    @SuppressWarnings("unchecked")
    public void nextRevisits(Exchange exchange) {
        List<Long> page = statuses.revisits(connection.currentTenant().getId(), exchange.getProperty(REVISIT_ENTITIES, List.class),
                exchange.getProperty(REVISIT_AFTER, Long.class), org.springframework.data.domain.PageRequest.of(0, pageSize));
        exchange.setProperty("moreRevisits", page.size() >= pageSize);
        exchange.setProperty("revisitIds", page.isEmpty() ? List.of(NO_REVISITS) : page);
        if (!page.isEmpty()) {
            exchange.setProperty(REVISIT_AFTER, page.get(page.size() - 1));
            Map<Long, Instant> revisited = exchange.getProperty("revisited", Map.class);
            page.forEach(id -> revisited.putIfAbsent(id, null));
        }
    }

    /**
     * After a page was read: the next page starts behind its last row; the last page is shorter.
     * A full page whose last row is not after the position it was read from would be read again
     * and again: the run stops, naming the entity and the key.
     */
    public void advance(List<Map<String, Object>> page, Exchange exchange) {
        exchange.setProperty("morePages", page.size() >= pageSize);
        if (page.isEmpty()) {
            return;
        }
        String entity = exchange.getProperty(KEYSET_ENTITY, String.class);
        KeysetPosition from = exchange.getProperty(KEYSET, KeysetPosition.class);
        Map<String, Object> last = page.get(page.size() - 1);
        LocalDateTime updatedAt = SourceClock.localTime(last.get("updated_at"));
        if (updatedAt == null) {
            throw new IllegalStateException("The " + entity + " push read a row without updated_at (id " + last.get("id")
                    + ") at the end of a page: the keyset cannot move past it");
        }
        KeysetPosition pageEnd = new KeysetPosition(updatedAt, ((Number) last.get("id")).longValue());
        if (!pageEnd.isAfter(from)) {
            throw new KeysetStuckException(entity, from, pageEnd);
        }
        moveTo(pageEnd, exchange);
        exchange.setProperty(WATERMARK_CANDIDATE, pageEnd);
    }

    /** Called once a page's records have their outcome: the watermark may move to the page's last row. */
    @Transactional
    public void commit(String entity, Exchange exchange) {
        KeysetPosition candidate = exchange.getProperty(WATERMARK_CANDIDATE, KeysetPosition.class);
        if (candidate == null) {
            return;
        }
        Long runId = exchange.getProperty(SyncRuns.RUN_ID, Long.class);
        if (runId != null) {
            fence.check(runId); // a run that lost its organisation moves no watermark
        }
        Long tenant = connection.currentTenant().getId();
        Watermark watermark = watermarks.findById(key(tenant, entity)).orElseGet(() -> new Watermark(key(tenant, entity)));
        LocalDateTime stored = watermark.getLastUpdatedAt() == null ? null : resumeAt(watermark);
        if (stored == null || candidate.updatedAt().isAfter(stored)) {
            watermark.advanceToKeyset(clock.toInstant(candidate.updatedAt()), candidate);
            watermarks.save(watermark);
        }
    }

    /** The field-service updated_at a push resumes from; watermarks from before the keyset column held it as if UTC. */
    private LocalDateTime resumeAt(Watermark watermark) {
        if (watermark.getKeysetUpdatedAt() != null) {
            return SourceClock.parseSqlLiteral(watermark.getKeysetUpdatedAt());
        }
        return watermark.getLastUpdatedAt() == null ? null : LocalDateTime.ofInstant(watermark.getLastUpdatedAt(), ZoneOffset.UTC);
    }

    /** The page query's parameters: updated_at as a literal with all its digits, and the id. */
    private static void moveTo(KeysetPosition position, Exchange exchange) {
        exchange.setProperty(KEYSET, position);
        exchange.setProperty("afterUpdatedAt", position.sqlUpdatedAt());
        exchange.setProperty("afterId", position.id());
    }

    private static Watermark.Key key(Long tenant, String entity) {
        return new Watermark.Key(tenant, entity, "push");
    }
}
