package io.fieldsync.pulls;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsync.config.LiveSettings;
import io.fieldsync.runs.RunFence;
import io.fieldsync.runs.SyncRuns;
import io.fieldsync.settings.EntityProperties;
import io.fieldsync.settings.ItemProperties;
import io.fieldsync.settings.PullProperties;
import io.fieldsync.state.Watermark;
import io.fieldsync.state.WatermarkRepository;
import io.fieldsync.xero.ChangePages;
import io.fieldsync.xero.XeroConnection;
import io.fieldsync.xero.XeroJsonDates;
import io.fieldsync.xero.XeroReads;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what changed in Xero since an entity's pull watermark (direction 'pull'), oldest change
 * first: Contacts in pages of {@code fieldsync.pulls.page-size} (at most Xero's 1,000), archived
 * ones included, each page asked from the newest change the last one held ({@link ChangePages}:
 * a contact edited during the read is read, not skipped); Items in one answer (Xero does not page them). The watermark is Xero's newest
 * UpdatedDateUTC seen and moves only once every page has been written.
 */
@Component("xeroPull")
public class XeroPull {

    /** The exchange property holding where the read goes next. */
    static final String PAGES = "pullPages";

    private final XeroReads xero;
    private final XeroConnection connection;
    private final WatermarkRepository watermarks;
    private final LiveSettings settings;
    private final RunFence fence;

    public XeroPull(XeroReads xero, XeroConnection connection, WatermarkRepository watermarks, LiveSettings settings,
                    RunFence fence) {
        this.fence = fence;
        this.xero = xero;
        this.connection = connection;
        this.watermarks = watermarks;
        this.settings = settings;
    }

    /**
     * Sets up the pages: {@code page}, {@code morePages}, {@code pullSince} (the watermark less
     * {@code fieldsync.pulls.look-back}; If-Modified-Since is whole seconds, so the watermark's own
     * second is read again, harmlessly) and {@code pullUpTo}.
     */
    public void start(String entity, Exchange exchange) {
        Optional<Watermark> mark = watermarks.findById(key(entity));
        Duration lookBack = settings.current(PullProperties.class).lookBack();
        Instant since = mark.map(Watermark::getLastUpdatedAt).map(at -> at.minus(lookBack)).orElse(null);
        exchange.setProperty("pullSince", since);
        exchange.setProperty("pullUpTo", mark.map(Watermark::getLastUpdatedAt).orElse(null));
        exchange.setProperty(PAGES, ChangePages.from(since));
        exchange.setProperty("morePages", true);
    }

    /** The next page of the entity's Xero records changed since the watermark. */
    public List<JsonNode> nextPage(String entity, Exchange exchange) {
        checkFence(exchange); // once a page: a run that lost its organisation writes no more rows
        PulledKind kind = PulledKind.of(entity);
        ChangePages pages = exchange.getProperty(PAGES, ChangePages.class);
        int pageSize = settings.current(PullProperties.class).pageSize();
        String query = kind == PulledKind.CONTACT
                ? "Contacts?includeArchived=true&" + pages.query(pageSize)
                : "Items?order=UpdatedDateUTC%20ASC";
        JsonNode answer = xero.changedSince(query, pages.since());
        JsonNode list = answer.path(kind.collection());
        if (!list.isArray()) {
            throw new io.fieldsync.xero.XeroAnswerException("Xero's answer to GET " + kind.collection() + " has no "
                    + kind.collection() + " list");
        }
        List<JsonNode> records = new ArrayList<>();
        list.forEach(records::add);
        pages = pages.after(records, pageSize);
        exchange.setProperty(PAGES, pages);
        exchange.setProperty("morePages", kind == PulledKind.CONTACT && !pages.done());
        Instant upTo = exchange.getProperty("pullUpTo", Instant.class);
        for (JsonNode record : records) {
            Instant updated = XeroJsonDates.instant(record.path("UpdatedDateUTC").asText(null));
            if (updated != null && (upTo == null || updated.isAfter(upTo))) {
                upTo = updated;
            }
        }
        exchange.setProperty("pullUpTo", upTo);
        return records;
    }

    /** Every page is written: the next pull asks only for what changed after the newest change seen. */
    @Transactional
    public void commit(String entity, Exchange exchange) {
        checkFence(exchange);
        Instant upTo = exchange.getProperty("pullUpTo", Instant.class);
        if (upTo == null) {
            return;
        }
        Watermark mark = watermarks.findById(key(entity)).orElseGet(() -> new Watermark(key(entity)));
        mark.advanceTo(upTo, null);
        watermarks.save(mark);
    }

    private void checkFence(Exchange exchange) {
        Long runId = exchange.getProperty(SyncRuns.RUN_ID, Long.class);
        if (runId != null) {
            fence.check(runId);
        }
    }

    /**
     * Whether the pull replaces the field-service catalogue: items kept in Xero only (direction
     * pull, master xero) and the operator chose to remove unmatched ones
     * ({@code fieldsync.items.remove-unmatched}).
     */
    public boolean removesUnmatchedItems() {
        EntityProperties entities = settings.current(EntityProperties.class);
        return settings.current(ItemProperties.class).removeUnmatched()
                && "pull".equals(entities.direction("item")) && "xero".equals(entities.master("item"));
    }

    private Watermark.Key key(String entity) {
        return new Watermark.Key(connection.currentTenant().getId(), entity, "pull");
    }
}
