package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Where an incremental read goes next: from the newest change of the last page, not by page number. */
class ChangePagesTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aFullPageMovesIfModifiedSinceToItsNewestChangeAndStartsAtPageOne() {
        ChangePages pages = ChangePages.from(Instant.parse("2026-03-01T10:00:00.700Z"));
        assertThat(pages.since()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(pages.query(3)).isEqualTo("order=UpdatedDateUTC%20ASC&page=1&pageSize=3");

        ChangePages next = pages.after(List.of(at(1_000), at(2_500), at(3_900)), 3);

        assertThat(next).isEqualTo(new ChangePages(Instant.parse("2026-03-01T10:00:03Z"), 1, false));
    }

    @Test
    void aShortPageEndsTheRead() {
        assertThat(ChangePages.from(null).after(List.of(at(1_000)), 3).done()).isTrue();
    }

    @Test
    void aFullPageWithinOneSecondGoesOnByPageNumberWithinThatSecond() {
        ChangePages pages = ChangePages.from(Instant.parse("2026-03-01T10:00:03Z"));

        ChangePages next = pages.after(List.of(at(3_100), at(3_200), at(3_300)), 3);

        assertThat(next).isEqualTo(new ChangePages(Instant.parse("2026-03-01T10:00:03Z"), 2, false));
        assertThat(next.after(List.of(at(3_400), at(3_500), at(4_000)), 3))
                .isEqualTo(new ChangePages(Instant.parse("2026-03-01T10:00:04Z"), 1, false));
    }

    private JsonNode at(long millisAfterTen) {
        long ms = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli() + millisAfterTen;
        return json.createObjectNode().put("UpdatedDateUTC", "/Date(" + ms + "+0000)/");
    }
}
