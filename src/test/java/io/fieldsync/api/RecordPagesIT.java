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
    @SuppressWarnings("unchecked")
    void aTextFilterFindsARecordByItsXeroIdItsLocalIdOrItsMessageInAnyCase() {
        startFresh();
        syncToEnd();
        Map<String, Object> link = state.queryForMap(
                "select local_id, xero_id from record_link where entity = 'invoice' order by local_id limit 1");
        String xeroId = link.get("xero_id").toString();

        ResponseEntity<List> byXeroId = asViewer().getForEntity(
                "/api/records?q=" + xeroId.substring(4, 20).toUpperCase(), List.class);

        assertThat(byXeroId.getHeaders().getFirst("X-Total-Count")).isEqualTo("1");
        assertThat((Map<String, Object>) byXeroId.getBody().get(0)).containsEntry("xeroId", xeroId).containsEntry("entity", "invoice");

        String localId = link.get("local_id").toString();
        ResponseEntity<List> byLocalId = asViewer().getForEntity("/api/records?entity=invoice&size=500&q=" + localId, List.class);
        int expected = state.queryForObject("select count(*) from record_status s where s.entity = 'invoice' and"
                + " (cast(s.local_id as char) like ? or lower(s.message) like ? or exists (select 1 from record_link l"
                + " where l.entity = s.entity and l.local_id = s.local_id and lower(l.xero_id) like ?))",
                Integer.class, "%" + localId + "%", "%" + localId + "%", "%" + localId + "%");
        assertThat(byLocalId.getHeaders().getFirst("X-Total-Count")).isEqualTo(String.valueOf(expected));
        assertThat(byLocalId.getBody()).extracting(r -> ((Map<String, Object>) r).get("localId").toString()).contains(localId);

        Map<String, Object> withMessage = state.queryForMap(
                "select entity, status, message from record_status where message is not null and length(message) > 12 limit 1");
        String word = withMessage.get("message").toString().substring(3, 11);
        ResponseEntity<List> byMessage = asViewer().getForEntity("/api/records?entity={e}&status={s}&q={q}", List.class,
                withMessage.get("entity"), withMessage.get("status"), word.toUpperCase());
        int withWord = state.queryForObject("select count(*) from record_status where entity = ? and status = ?"
                + " and lower(message) like ?", Integer.class, withMessage.get("entity"), withMessage.get("status"),
                "%" + word.toLowerCase() + "%");
        assertThat(byMessage.getHeaders().getFirst("X-Total-Count")).isEqualTo(String.valueOf(withWord));
        assertThat(byMessage.getBody()).isNotEmpty().allSatisfy(r ->
                assertThat(((Map<String, Object>) r).get("message").toString().toLowerCase()).contains(word.toLowerCase()));
    }

    @Test
    void aTextFilterMatchingNothingGivesNoRecordsAndTakesWildcardsLiterally() {
        startFresh();
        syncToEnd();

        ResponseEntity<List> none = asViewer().getForEntity("/api/records?q=no-such-text-anywhere", List.class);
        ResponseEntity<List> percent = asViewer().getForEntity("/api/records?q={q}", List.class, "%");

        assertThat(none.getBody()).isEmpty();
        assertThat(none.getHeaders().getFirst("X-Total-Count")).isEqualTo("0");
        assertThat(percent.getHeaders().getFirst("X-Total-Count")).isEqualTo(String.valueOf(
                state.queryForObject("select count(*) from record_status where message like '%!%%' escape '!'", Integer.class)));
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
