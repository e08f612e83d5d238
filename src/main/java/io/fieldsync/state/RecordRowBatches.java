package io.fieldsync.state;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Status and link rows of a batch or a page written as one JDBC batch (one round trip on MySQL),
 * in the caller's transaction, where the push writes them for every record. JPA cannot batch new
 * rows (their ids are the database's, IDENTITY: Hibernate inserts them one round trip at a time),
 * and reading rows only to stamp them costs a query and a flush per batch. New rows are built as
 * the entities build them; only the INSERT is here. Inserted objects stay unmanaged: a caller that
 * changes one of them again in the same transaction reads it back first.
 */
@Component
public class RecordRowBatches {

    /** Instants as Hibernate binds them (timestamps in UTC), so both writers leave the same values. */
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

    private final JdbcTemplate state;

    public RecordRowBatches(JdbcTemplate state) {
        this.state = state;
    }

    public void insertStatuses(List<RecordStatus> rows) {
        if (rows.isEmpty()) {
            return;
        }
        state.batchUpdate("""
                insert into record_status (tenant_ref, entity, local_id, status, message, warnings, failure_count, last_run_id,
                                           synced_at, updated_at, content_hash, attempted_at, skip_kind, resync_requested_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(), (insert, row) -> {
            insert.setLong(1, row.getTenantRef());
            insert.setString(2, row.getEntity());
            insert.setLong(3, row.getLocalId());
            insert.setString(4, row.getStatus().name());
            insert.setString(5, row.getMessage());
            insert.setString(6, row.getWarnings());
            insert.setInt(7, row.getFailureCount());
            setLong(insert, 8, row.getLastRunId());
            setInstant(insert, 9, row.getSyncedAt());
            setInstant(insert, 10, row.getUpdatedAt());
            insert.setString(11, row.getContentHash());
            setInstant(insert, 12, row.getAttemptedAt());
            insert.setString(13, row.getSkipKind() == null ? null : row.getSkipKind().name());
            setInstant(insert, 14, row.getResyncRequestedAt());
        });
    }

    /**
     * {@link RecordStatus#attempting} for each record, without reading it first: the rows that
     * exist are stamped in one batch; the local ids that have no row yet are returned.
     */
    public List<Long> markAttempting(long tenant, String entity, Long runId, List<Long> localIds, List<String> payloadHashes) {
        Instant now = Instant.now();
        List<Integer> positions = java.util.stream.IntStream.range(0, localIds.size()).boxed().toList();
        int[][] updated = state.batchUpdate("""
                update record_status set content_hash = ?, attempted_at = ?, last_run_id = ?, updated_at = ?
                 where tenant_ref = ? and entity = ? and local_id = ?""", positions, positions.size(), (update, i) -> {
            update.setString(1, payloadHashes.get(i));
            setInstant(update, 2, now);
            setLong(update, 3, runId);
            setInstant(update, 4, now);
            update.setLong(5, tenant);
            update.setString(6, entity);
            update.setLong(7, localIds.get(i));
        });
        List<Long> missing = new java.util.ArrayList<>();
        for (int i = 0; i < localIds.size(); i++) {
            if (updated[0][i] == 0) {
                missing.add(localIds.get(i));
            }
        }
        return missing;
    }

    /** Xero's answer for one record of a batch: accepted (with the warnings kept) or refused (with Xero's words). */
    public record Answer(long localId, boolean accepted, String message, String warnings) {
    }

    /**
     * {@link RecordStatus#record} (SYNCED with {@link RecordStatus#warn}, or FAILED counting the
     * failure) for each answer, without reading the rows first: the rows that exist are written in
     * one batch; the local ids that have no row yet are returned.
     */
    public List<Long> recordAnswers(long tenant, String entity, Long runId, List<Answer> answers) {
        Instant now = Instant.now();
        int[][] updated = state.batchUpdate("""
                update record_status
                   set skip_kind = null, resync_requested_at = null, attempted_at = null, status = ?, message = ?,
                       last_run_id = ?, updated_at = ?,
                       failure_count = case when ? then failure_count + 1 else 0 end,
                       synced_at = case when ? then ? else synced_at end,
                       warnings = case when ? then ? else warnings end
                 where tenant_ref = ? and entity = ? and local_id = ?""", answers, answers.size(), (update, answer) -> {
            boolean failed = !answer.accepted();
            update.setString(1, failed ? RecordStatus.Outcome.FAILED.name() : RecordStatus.Outcome.SYNCED.name());
            update.setString(2, failed ? RecordStatus.fitted(answer.message()) : null);
            setLong(update, 3, runId);
            setInstant(update, 4, now);
            update.setBoolean(5, failed);
            update.setBoolean(6, !failed);
            setInstant(update, 7, now);
            update.setBoolean(8, !failed);
            update.setString(9, RecordStatus.fitted(answer.warnings()));
            update.setLong(10, tenant);
            update.setString(11, entity);
            update.setLong(12, answer.localId());
        });
        List<Long> missing = new java.util.ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (updated[0][i] == 0) {
                missing.add(answers.get(i).localId());
            }
        }
        return missing;
    }

    /** An accepted record's link: its Xero id (kept when it has a link already), number and the payload's hash. */
    public record LinkAnswer(long localId, String xeroId, String number, String payloadHash) {
    }

    /** {@link RecordLink#sent} for each accepted record: existing links updated in one batch, new ones inserted in another. */
    public void linkAnswers(long tenant, String entity, List<LinkAnswer> answers) {
        if (answers.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        int[][] updated = state.batchUpdate("""
                update record_link set xero_number = ?, content_hash = ?, updated_at = ?
                 where tenant_ref = ? and entity = ? and local_id = ?""", answers, answers.size(), (update, answer) -> {
            update.setString(1, answer.number());
            update.setString(2, answer.payloadHash());
            setInstant(update, 3, now);
            update.setLong(4, tenant);
            update.setString(5, entity);
            update.setLong(6, answer.localId());
        });
        List<RecordLink> added = new java.util.ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            LinkAnswer answer = answers.get(i);
            if (updated[0][i] == 0 && seen.add(answer.localId())) {
                RecordLink link = new RecordLink(tenant, entity, answer.localId(), answer.xeroId());
                link.sent(answer.number(), answer.payloadHash());
                added.add(link);
            }
        }
        insertLinks(added);
    }

    public void insertLinks(List<RecordLink> rows) {
        if (rows.isEmpty()) {
            return;
        }
        state.batchUpdate("""
                insert into record_link (tenant_ref, entity, local_id, xero_id, xero_number, content_hash, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(), (insert, row) -> {
            insert.setLong(1, row.getTenantRef());
            insert.setString(2, row.getEntity());
            insert.setLong(3, row.getLocalId());
            insert.setString(4, row.getXeroId());
            insert.setString(5, row.getXeroNumber());
            insert.setString(6, row.getContentHash());
            setInstant(insert, 7, row.getCreatedAt());
            setInstant(insert, 8, row.getUpdatedAt());
        });
    }

    private static void setLong(PreparedStatement insert, int index, Long value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.BIGINT);
        } else {
            insert.setLong(index, value);
        }
    }

    private static void setInstant(PreparedStatement insert, int index, Instant value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.TIMESTAMP);
        } else {
            insert.setTimestamp(index, Timestamp.from(value), (Calendar) UTC.clone());
        }
    }
}
