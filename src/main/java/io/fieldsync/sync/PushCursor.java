package io.fieldsync.sync;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * {@code afterUpdatedAt}, {@code afterId}, {@code pageSize}, {@code morePages}, {@code revisitIds},
 * {@code revisited}.
 */
@Component("pushCursor")
public class PushCursor {

    private static final LocalDateTime BEGINNING = LocalDateTime.of(1970, 1, 1, 0, 0);

    private final XeroConnection connection;
    private final WatermarkRepository watermarks;
    private final RecordStatusRepository statuses;
    private final Duration lookBack;
    private final int pageSize;

    public PushCursor(XeroConnection connection, WatermarkRepository watermarks, RecordStatusRepository statuses,
                      @Value("${fieldsync.sync.look-back:PT10M}") Duration lookBack,
                      @Value("${fieldsync.sync.page-size:500}") int pageSize) {
        this.connection = connection;
        this.watermarks = watermarks;
        this.statuses = statuses;
        this.lookBack = lookBack;
        this.pageSize = pageSize;
    }

    /** Positions the exchange at the watermark minus the look-back, and lists the records to look at again. */
    public void start(String entity, Exchange exchange) {
        Long tenant = connection.currentTenant().getId();
        LocalDateTime from = watermarks.findById(key(tenant, entity))
                .filter(w -> w.getLastUpdatedAt() != null)
                .map(w -> LocalDateTime.ofInstant(w.getLastUpdatedAt(), ZoneOffset.UTC).minus(lookBack))
                .orElse(BEGINNING);
        exchange.setProperty("afterUpdatedAt", Timestamp.valueOf(from));
        exchange.setProperty("afterId", 0L);
        exchange.setProperty("pageSize", pageSize);
        exchange.setProperty("morePages", true);
        exchange.setProperty("watermarkCandidate", null);
        List<Long> revisit = statuses.revisits(tenant, entity);
        // camel-sql cannot bind an empty IN list; -1 is never an id
        exchange.setProperty("revisitIds", revisit.isEmpty() ? List.of(-1L) : revisit);
        // a record looked at again can be among the changed rows too (after a crash, all of them are): decided once
        Map<Long, Instant> revisited = new HashMap<>();
        revisit.forEach(id -> revisited.put(id, null));
        exchange.setProperty("revisited", revisited);
    }

    /**
     * Adds the records of another entity kept on the same rows (a purchase order's file and its
     * copy on the order's bill) to the ones looked at again.
     */
    @SuppressWarnings("unchecked")
    public void revisitAlso(String entity, Exchange exchange) {
        List<Long> more = statuses.revisits(connection.currentTenant().getId(), entity);
        if (more.isEmpty()) {
            return;
        }
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>(exchange.getProperty("revisitIds", List.class));
        ids.remove(-1L);
        ids.addAll(more);
        exchange.setProperty("revisitIds", List.copyOf(ids));
        Map<Long, Instant> revisited = exchange.getProperty("revisited", Map.class);
        more.forEach(id -> revisited.putIfAbsent(id, null));
    }

    /** After a page was read: the next page starts behind its last row; the last page is shorter. */
    public void advance(List<Map<String, Object>> page, Exchange exchange) {
        exchange.setProperty("morePages", page.size() >= pageSize);
        if (page.isEmpty()) {
            return;
        }
        Map<String, Object> last = page.get(page.size() - 1);
        Timestamp updatedAt = timestamp(last.get("updated_at"));
        exchange.setProperty("afterUpdatedAt", updatedAt);
        exchange.setProperty("afterId", ((Number) last.get("id")).longValue());
        exchange.setProperty("watermarkCandidate", updatedAt);
    }

    /** Called once a page's records have their outcome: the watermark may move to the page's last row. */
    @Transactional
    public void commit(String entity, Exchange exchange) {
        Timestamp candidate = exchange.getProperty("watermarkCandidate", Timestamp.class);
        if (candidate == null) {
            return;
        }
        Long tenant = connection.currentTenant().getId();
        Watermark watermark = watermarks.findById(key(tenant, entity)).orElseGet(() -> new Watermark(key(tenant, entity)));
        var moved = candidate.toLocalDateTime().toInstant(ZoneOffset.UTC);
        if (watermark.getLastUpdatedAt() == null || moved.isAfter(watermark.getLastUpdatedAt())) {
            watermark.advanceTo(moved, exchange.getProperty("afterId", Long.class));
            watermarks.save(watermark);
        }
    }

    private static Watermark.Key key(Long tenant, String entity) {
        return new Watermark.Key(tenant, entity, "push");
    }

    private static Timestamp timestamp(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp;
        }
        if (value instanceof LocalDateTime local) {
            return Timestamp.valueOf(local);
        }
        throw new IllegalStateException("updated_at is not a timestamp: " + value);
    }
}
