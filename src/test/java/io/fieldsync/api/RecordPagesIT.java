package io.fieldsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/records} pages: the body is the page's records, the headers tell the total, the
 * page, its size, the number of pages and link the next and previous ones; a size beyond the
 * maximum is refused, not quietly cut.
 */
class RecordPagesIT extends MariaDbIntegrationTest {

    @Test
    @SuppressWarnings("unchecked")
    void pagesCarryTheTotalAndLinkTheNextSoAScriptReadsEveryRecordOnce() {
        startFresh();
        syncToEnd();
        int contacts = state.queryForObject("select count(*) from record_status where entity = 'contact'", Integer.class);
        assertThat(contacts).as("contacts with a status").isGreaterThan(10);

        List<Object> seen = new ArrayList<>();
        String next = "/api/records?entity=contact&size=7";
        int pages = 0;
        ResponseEntity<List> page = null;
        while (next != null) {
            page = asViewer().getForEntity(next, List.class);
            assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(page.getHeaders().getFirst("X-Total-Count")).isEqualTo(String.valueOf(contacts));
            assertThat(page.getHeaders().getFirst("X-Page")).isEqualTo(String.valueOf(pages));
            assertThat(page.getHeaders().getFirst("X-Page-Size")).isEqualTo("7");
            assertThat(page.getHeaders().getFirst("X-Page-Count")).isEqualTo(String.valueOf((contacts + 6) / 7));
            page.getBody().forEach(record -> seen.add(((Map<String, Object>) record).get("localId")));
            next = nextLink(page.getHeaders());
            pages++;
        }

        assertThat(pages).isEqualTo((contacts + 6) / 7);
        assertThat(seen).hasSize(contacts).doesNotHaveDuplicates();
        assertThat(page.getHeaders().getFirst(HttpHeaders.LINK)).contains("rel=\"prev\"").contains("page=" + (pages - 2));
    }

    @Test
    void aSizeBeyondTheMaximumIsRefusedSayingTheMaximum() {
        ResponseEntity<Map> beyond = asViewer().getForEntity("/api/records?size=501", Map.class);

        assertThat(asViewer().getForEntity("/api/records?size=500", List.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(beyond.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(beyond.getBody()).containsEntry("field", "size");
        assertThat(beyond.getBody().get("error").toString()).contains("between 1 and 500").contains("501");
    }

    /** The {@code rel="next"} URI of a {@code Link} header, as path and query, or null on the last page. */
    private static String nextLink(HttpHeaders headers) {
        String link = headers.getFirst(HttpHeaders.LINK);
        if (link == null || !link.contains("rel=\"next\"")) {
            return null;
        }
        for (String part : link.split(",\\s*")) {
            if (part.contains("rel=\"next\"")) {
                String uri = part.substring(part.indexOf('<') + 1, part.indexOf('>'));
                return uri.substring(uri.indexOf("/api/"));
            }
        }
        return null;
    }
}
