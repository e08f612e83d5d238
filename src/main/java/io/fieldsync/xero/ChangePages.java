package io.fieldsync.xero;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where an incremental read of a Xero collection (If-Modified-Since, order=UpdatedDateUTC) goes
 * next. Pages are not counted from the start: each asks again from the newest UpdatedDateUTC the
 * last page held, so a record edited during the read (Xero moves it to the end) shifts nothing
 * not yet read and is read again later, where counting pages would skip the record that slid
 * back into a page already read. If-Modified-Since is whole seconds and inclusive: the records of
 * that second are read twice, which the readers take as harmless. Only when a whole page shares
 * one second does the read count pages within that second, as Xero leaves no other way on.
 *
 * @param since If-Modified-Since of the next page (null: everything)
 * @param page  the page within {@code since}, from 1
 * @param done  the last page was short: nothing more to read
 */
public record ChangePages(Instant since, int page, boolean done) {

    public static ChangePages from(Instant since) {
        return new ChangePages(since == null ? null : since.truncatedTo(ChronoUnit.SECONDS), 1, false);
    }

    /** The query parameters of the next page: {@code order=UpdatedDateUTC ASC&page=..&pageSize=..}. */
    public String query(int pageSize) {
        return "order=UpdatedDateUTC%20ASC&page=" + page + "&pageSize=" + pageSize;
    }

    /** Where to go after a page of {@code records} asked for with {@code pageSize}. */
    public ChangePages after(List<JsonNode> records, int pageSize) {
        if (records.size() < pageSize) {
            return new ChangePages(since, page, true);
        }
        Instant newest = null;
        for (JsonNode record : records) {
            Instant updated = XeroJsonDates.instant(record.path("UpdatedDateUTC").asText(null));
            if (updated != null && (newest == null || updated.isAfter(newest))) {
                newest = updated;
            }
        }
        Instant second = newest == null ? null : newest.truncatedTo(ChronoUnit.SECONDS);
        if (second == null || (since != null && !second.isAfter(since))) {
            return new ChangePages(since, page + 1, false); // a whole page in one second: on within it
        }
        return new ChangePages(second, 1, false);
    }
}
