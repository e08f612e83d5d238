package io.fieldsync.push;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fieldsync.state.KeysetPosition;

/**
 * Where a push stands, as its route carries it (exchange property {@code cursor}; see
 * {@link PushCursor}): the keyset position the next page is read after, whether another page
 * follows, the page end the watermark may move to once the page is recorded, and the records
 * looked at again: their entities, the page of ids to read next, whether another follows, and
 * those decided so far with the updated_at they had ({@code revisited}), so that one among the
 * changed rows is not decided twice. The route files' SQL reads {@link #afterUpdatedAt()},
 * {@link #afterId()}, {@link #pageSize()} and {@link #revisitIds()}.
 */
public record PushPosition(String entity, KeysetPosition keyset, int pageSize, boolean morePages,
                           KeysetPosition watermarkCandidate, List<String> revisitEntities, long revisitAfter,
                           List<Long> revisitIds, boolean moreRevisits, Map<Long, Instant> revisited) {

    /** camel-sql cannot bind an empty IN list; -1 is never an id. */
    public static final long NO_REVISITS = -1L;

    public PushPosition {
        revisitEntities = List.copyOf(revisitEntities);
        revisitIds = List.copyOf(revisitIds);
    }

    /** The page query's updated_at: a literal with all six fraction digits ({@link io.fieldsync.state.SourceClock}). */
    public String afterUpdatedAt() {
        return keyset.sqlUpdatedAt();
    }

    public long afterId() {
        return keyset.id();
    }

    /** The records looked at again this page, without the stand-in id an empty IN list needs. */
    public List<Long> revisitPage() {
        return revisitIds.stream().filter(id -> id != NO_REVISITS).toList();
    }

    PushPosition revisitingAlso(String other) {
        List<String> entities = new ArrayList<>(revisitEntities);
        entities.add(other);
        return new PushPosition(entity, keyset, pageSize, morePages, watermarkCandidate, entities, revisitAfter,
                revisitIds, moreRevisits, revisited);
    }

    PushPosition revisiting(List<Long> page, boolean more) {
        page.forEach(id -> revisited.putIfAbsent(id, null));
        return new PushPosition(entity, keyset, pageSize, morePages, watermarkCandidate, revisitEntities,
                page.isEmpty() ? revisitAfter : page.get(page.size() - 1), page.isEmpty() ? List.of(NO_REVISITS) : page,
                more, revisited);
    }

    PushPosition lastPage() {
        return new PushPosition(entity, keyset, pageSize, false, watermarkCandidate, revisitEntities, revisitAfter,
                revisitIds, moreRevisits, revisited);
    }

    PushPosition after(KeysetPosition pageEnd, boolean more) {
        return new PushPosition(entity, pageEnd, pageSize, more, pageEnd, revisitEntities, revisitAfter,
                revisitIds, moreRevisits, revisited);
    }
}
