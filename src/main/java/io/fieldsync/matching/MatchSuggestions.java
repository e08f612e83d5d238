package io.fieldsync.matching;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The match_suggestion table of the state store. */
@Component
public class MatchSuggestions {

    private final JdbcTemplate state;
    private final NamedParameterJdbcTemplate named;

    public MatchSuggestions(JdbcTemplate state) {
        this.state = state;
        this.named = new NamedParameterJdbcTemplate(state);
    }

    private static final RowMapper<MatchSuggestion> ROW = (row, n) -> new MatchSuggestion(row.getLong("id"),
            row.getString("kind"), row.getLong("local_id"), row.getString("local_label"), row.getString("xero_id"),
            row.getString("xero_label"), row.getString("xero_number"), row.getBigDecimal("score"), row.getString("reason"),
            MatchSuggestion.Status.valueOf(row.getString("status")), row.getString("decided_by"),
            instant(row.getTimestamp("decided_at")), instant(row.getTimestamp("created_at")));

    public void add(long tenant, MatchKind kind, long localId, String localLabel, String xeroId, String xeroLabel,
                    String xeroNumber, double score, String reason, MatchSuggestion.Status status, String decidedBy) {
        Timestamp now = Timestamp.from(Instant.now());
        state.update("""
                insert into match_suggestion (tenant_ref, kind, local_id, local_label, xero_id, xero_label, xero_number, score,
                                              reason, status, decided_by, decided_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", tenant, kind.entity(), localId, cut(localLabel, 500),
                xeroId, cut(xeroLabel, 500), cut(xeroNumber, 255), BigDecimal.valueOf(score).setScale(4, java.math.RoundingMode.HALF_UP),
                cut(reason, 1000), status.name(), decidedBy, decidedBy == null ? null : now, now, now);
    }

    /** Forgets the open suggestions of a kind (a new run proposes them afresh); decisions stay. */
    public int forgetSuggested(long tenant, MatchKind kind) {
        return state.update("delete from match_suggestion where tenant_ref = ? and kind = ? and status = 'SUGGESTED'",
                tenant, kind.entity());
    }

    /** Sets the status of rows of one record: the one of {@code xeroId}, or all in {@code from} when xeroId is null. */
    public int decide(long tenant, MatchKind kind, long localId, String xeroId, MatchSuggestion.Status from,
                      MatchSuggestion.Status to, String by) {
        Timestamp now = Timestamp.from(Instant.now());
        return state.update("""
                update match_suggestion set status = ?, decided_by = ?, decided_at = ?, updated_at = ?
                 where tenant_ref = ? and kind = ? and local_id = ? and status = ? and (? is null or xero_id = ?)""",
                to.name(), by, now, now, tenant, kind.entity(), localId, from.name(), xeroId, xeroId);
    }

    public List<MatchSuggestion> list(long tenant, MatchKind kind, MatchSuggestion.Status status, int limit, int offset) {
        return state.query("""
                select * from match_suggestion where tenant_ref = ? and kind = ? and (? is null or status = ?)
                 order by local_id, score desc, id limit ? offset ?""", ROW, tenant, kind.entity(),
                status == null ? null : status.name(), status == null ? null : status.name(), limit, offset);
    }

    public List<MatchSuggestion> ofRecord(long tenant, MatchKind kind, long localId) {
        return state.query("select * from match_suggestion where tenant_ref = ? and kind = ? and local_id = ? order by score desc, id",
                ROW, tenant, kind.entity(), localId);
    }

    /** "localId/xeroId" of every pair a person rejected. */
    public Set<String> rejectedPairs(long tenant, MatchKind kind) {
        return new HashSet<>(state.queryForList("""
                select concat(local_id, '/', xero_id) from match_suggestion
                 where tenant_ref = ? and kind = ? and status = 'REJECTED' and xero_id is not null""",
                String.class, tenant, kind.entity()));
    }

    /** Records a person decided should become new Xero records. */
    public Set<Long> toCreate(long tenant, MatchKind kind) {
        return new HashSet<>(state.queryForList("""
                select local_id from match_suggestion where tenant_ref = ? and kind = ? and status = 'CREATE'""",
                Long.class, tenant, kind.entity()));
    }

    /** Xero ids suggested to some record and still undecided: not imported as records of their own meanwhile. */
    public Set<String> suggestedXeroIds(long tenant, MatchKind kind) {
        return new HashSet<>(state.queryForList("""
                select xero_id from match_suggestion where tenant_ref = ? and kind = ? and status = 'SUGGESTED'""",
                String.class, tenant, kind.entity()));
    }

    /** The open suggestions of these records, by local id, best first. */
    public Map<Long, List<MatchSuggestion>> suggestedFor(long tenant, MatchKind kind, Collection<Long> localIds) {
        if (localIds.isEmpty()) {
            return Map.of();
        }
        return named.query("""
                        select * from match_suggestion where tenant_ref = :tenant and kind = :kind and status = 'SUGGESTED'
                           and local_id in (:ids) order by local_id, score desc, id""",
                        new MapSqlParameterSource().addValue("tenant", tenant).addValue("kind", kind.entity())
                                .addValue("ids", localIds), ROW).stream()
                .collect(Collectors.groupingBy(MatchSuggestion::localId, LinkedHashMap::new, Collectors.toList()));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 3) + "...";
    }
}
