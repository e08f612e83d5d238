package io.fieldsync.matching;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record_link rows matching writes: one Xero record per field-service record and the other
 * way round (the table's unique keys), a clash refused naming the record that has it already.
 */
@Component
public class MatchLinks {

    private final JdbcTemplate state;
    private final FsmCandidates fsm;

    public MatchLinks(JdbcTemplate state, FsmCandidates fsm) {
        this.state = state;
        this.fsm = fsm;
    }

    /** Xero id -> local id of every link of the entity. */
    public Map<String, Long> byXeroId(long tenant, String entity) {
        Map<String, Long> links = new HashMap<>();
        state.query("select xero_id, local_id from record_link where tenant_ref = ? and entity = ?",
                row -> { links.put(row.getString("xero_id"), row.getLong("local_id")); }, tenant, entity);
        return links;
    }

    public Optional<String> xeroIdOf(long tenant, MatchKind kind, long localId) {
        return state.queryForList("select xero_id from record_link where tenant_ref = ? and entity = ? and local_id = ?",
                String.class, tenant, kind.entity(), localId).stream().findFirst();
    }

    /**
     * Links the two, or refuses when either side is linked to another record already; a link that
     * exists as asked is left as it is.
     */
    public void link(long tenant, MatchKind kind, long localId, String xeroId, String xeroLabel, String xeroNumber) {
        Optional<String> own = xeroIdOf(tenant, kind, localId);
        if (own.isPresent()) {
            if (own.get().equals(xeroId)) {
                return;
            }
            throw new MatchRefusedException(capitalised(kind.local()) + " " + localId + " is already linked to "
                    + kind.remote() + " " + own.get() + "; reject that link first (POST /api/matching/" + kind.path() + "/"
                    + localId + "/reject) to choose another", own.get(), localId);
        }
        refuseClash(tenant, kind, localId, xeroId, xeroLabel);
        Timestamp now = Timestamp.from(Instant.now());
        try {
            state.update("""
                    insert into record_link (tenant_ref, entity, local_id, xero_id, xero_number, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?)""", tenant, kind.entity(), localId, xeroId, xeroNumber, now, now);
        } catch (DuplicateKeyException raced) {
            refuseClash(tenant, kind, localId, xeroId, xeroLabel); // linked by someone else meanwhile: name them
            throw raced;
        }
    }

    /** The local id linked to the Xero record, if any. */
    public Optional<Long> localIdOf(long tenant, String entity, String xeroId) {
        return state.queryForList("select local_id from record_link where tenant_ref = ? and entity = ? and xero_id = ?",
                Long.class, tenant, entity, xeroId).stream().findFirst();
    }

    public void unlink(long tenant, MatchKind kind, long localId) {
        state.update("delete from record_link where tenant_ref = ? and entity = ? and local_id = ?", tenant, kind.entity(), localId);
    }

    private void refuseClash(long tenant, MatchKind kind, long localId, String xeroId, String xeroLabel) {
        Optional<Long> holder = state.queryForList("select local_id from record_link where tenant_ref = ? and entity = ? and xero_id = ?",
                Long.class, tenant, kind.entity(), xeroId).stream().filter(other -> other != localId).findFirst();
        if (holder.isPresent()) {
            String who = fsm.one(kind, holder.get()).map(c -> " (" + c.label().trim() + ")").orElse("");
            throw new MatchRefusedException(capitalised(kind.remote()) + " " + (xeroLabel == null || xeroLabel.isBlank() ? ""
                    : "'" + xeroLabel.trim() + "' ") + xeroId + " is already linked to " + kind.local() + " " + holder.get() + who
                    + "; one " + kind.remote() + " takes one " + kind.local() + ": " + kind.local() + " " + localId
                    + " cannot be linked to it too", xeroId, holder.get());
        }
    }

    static String capitalised(String text) {
        return text.substring(0, 1).toUpperCase() + text.substring(1);
    }
}
