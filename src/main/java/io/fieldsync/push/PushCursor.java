package io.fieldsync.push;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fieldsync.config.LiveSettings;
import io.fieldsync.runs.RunFence;
import io.fieldsync.runs.SyncRuns;
import io.fieldsync.settings.SyncProperties;
import io.fieldsync.state.KeysetPosition;
import io.fieldsync.state.RecordStatusRepository;
import io.fieldsync.state.SourceClock;
import io.fieldsync.state.Watermark;
import io.fieldsync.state.WatermarkRepository;
import io.fieldsync.xero.XeroConnection;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a push reads from: keyset pages on the field-service table's (updated_at, id), starting a
 * look-back window before the entity's watermark so rows committed late by long transactions are
 * read again (their unchanged hash makes that free). The watermark moves only after a page's
 * records are linked. Each step returns the push's new {@link PushPosition}, which the route keeps
 * as the exchange property {@code cursor} and its loops and SQL read.
 */
@Component("pushCursor")
public class PushCursor {

    private static final LocalDateTime BEGINNING = LocalDateTime.of(1970, 1, 1, 0, 0);

    private final XeroConnection connection;
    private final WatermarkRepository watermarks;
    private final RecordStatusRepository statuses;
    private final SourceClock clock;
    private final RunFence fence;
    private final LiveSettings settings;

    public PushCursor(XeroConnection connection, WatermarkRepository watermarks, RecordStatusRepository statuses, SourceClock clock,
                      RunFence fence, LiveSettings settings) {
        this.fence = fence;
        this.connection = connection;
        this.watermarks = watermarks;
        this.statuses = statuses;
        this.clock = clock;
        this.settings = settings;
    }

    /** The position at the watermark minus the look-back, the entity's own records to look at again first. */
    public PushPosition start(String entity) {
        // read at each push: the settings API changes the look-back and the page size at run time
        SyncProperties sync = settings.current(SyncProperties.class);
        Duration lookBack = sync.lookBack();
        int pageSize = sync.pageSize();
        Long tenant = connection.currentTenant().getId();
        LocalDateTime from = watermarks.findById(key(tenant, entity))
                .map(this::resumeAt)
                .map(at -> at.minus(lookBack))
                .orElse(BEGINNING);
        // a record looked at again can be among the changed rows too (after a crash, all of them are): decided once
        return new PushPosition(entity, new KeysetPosition(from, 0L), pageSize, true, null, List.of(entity), 0L,
                List.of(PushPosition.NO_REVISITS), true, new HashMap<>());
    }

    /**
     * Adds the records of another entity kept on the same rows (a purchase order's file and its
     * copy on the order's bill) to the ones looked at again.
     */
    public PushPosition revisitAlso(String entity, @ExchangeProperty("cursor") PushPosition cursor) {
        return cursor.revisitingAlso(entity);
    }

    /**
     * The next page of records to look at again ({@code revisitIds}, at most a page), read before
     * the changed rows; {@code moreRevisits} says whether another follows. Each joins
     * {@code revisited}, so one among the changed rows later is not decided twice.
     */
    public PushPosition nextRevisits(@ExchangeProperty("cursor") PushPosition cursor) {
        List<Long> page = statuses.revisits(connection.currentTenant().getId(), cursor.revisitEntities(),
                cursor.revisitAfter(), org.springframework.data.domain.PageRequest.of(0, cursor.pageSize()));
        return cursor.revisiting(page, page.size() >= cursor.pageSize());
    }

    /**
     * After a page was read: the next page starts behind its last row; the last page is shorter.
     * A full page whose last row is not after the position it was read from would be read again
     * and again: the run stops, naming the entity and the key.
     */
    public PushPosition advance(@Body List<Map<String, Object>> page, @ExchangeProperty("cursor") PushPosition cursor) {
        if (page.isEmpty()) {
            return cursor.lastPage();
        }
        Map<String, Object> last = page.get(page.size() - 1);
        LocalDateTime updatedAt = SourceClock.localTime(last.get("updated_at"));
        if (updatedAt == null) {
            throw new IllegalStateException("The " + cursor.entity() + " push read a row without updated_at (id "
                    + last.get("id") + ") at the end of a page: the keyset cannot move past it");
        }
        KeysetPosition pageEnd = new KeysetPosition(updatedAt, ((Number) last.get("id")).longValue());
        if (!pageEnd.isAfter(cursor.keyset())) {
            throw new KeysetStuckException(cursor.entity(), cursor.keyset(), pageEnd);
        }
        return cursor.after(pageEnd, page.size() >= cursor.pageSize());
    }

    /** Called once a page's records have their outcome: the watermark may move to the page's last row. */
    @Transactional
    public void commit(@ExchangeProperty("cursor") PushPosition cursor, @ExchangeProperty(SyncRuns.RUN_ID) Long runId) {
        KeysetPosition candidate = cursor.watermarkCandidate();
        if (candidate == null) {
            return;
        }
        if (runId != null) {
            fence.check(runId); // a run that lost its organisation moves no watermark
        }
        Long tenant = connection.currentTenant().getId();
        Watermark watermark = watermarks.findById(key(tenant, cursor.entity()))
                .orElseGet(() -> new Watermark(key(tenant, cursor.entity())));
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

    private static Watermark.Key key(Long tenant, String entity) {
        return new Watermark.Key(tenant, entity, "push");
    }
}
