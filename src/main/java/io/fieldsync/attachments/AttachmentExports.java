package io.fieldsync.attachments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The places files take on Xero documents (state table {@code attachment_export}). */
@Component
public class AttachmentExports {

    /** A file's place: the document and the name it has there. */
    record Place(String entity, long attachmentId, String documentId, String fileName) {
    }

    private final NamedParameterJdbcTemplate state;

    public AttachmentExports(NamedParameterJdbcTemplate state) {
        this.state = state;
    }

    /** The places already taken by these files, by entity and file id. */
    Map<String, Place> ofFiles(long tenant, Collection<Long> attachmentIds) {
        Map<String, Place> places = new HashMap<>();
        if (attachmentIds.isEmpty()) {
            return places;
        }
        state.query("select entity, attachment_id, document_xero_id, file_name from attachment_export"
                        + " where tenant_ref = :tenant and attachment_id in (:ids)",
                new MapSqlParameterSource("tenant", tenant).addValue("ids", attachmentIds),
                row -> {
                    Place place = new Place(row.getString(1), row.getLong(2), row.getString(3), row.getString(4));
                    places.put(key(place.entity(), place.attachmentId()), place);
                });
        return places;
    }

    /** Every place taken on these documents. */
    List<Place> onDocuments(long tenant, Collection<String> documentIds) {
        if (documentIds.isEmpty()) {
            return List.of();
        }
        return state.query("select entity, attachment_id, document_xero_id, file_name from attachment_export"
                        + " where tenant_ref = :tenant and document_xero_id in (:ids)",
                new MapSqlParameterSource("tenant", tenant).addValue("ids", documentIds),
                (row, n) -> new Place(row.getString(1), row.getLong(2), row.getString(3), row.getString(4)));
    }

    void take(long tenant, Place place) {
        MapSqlParameterSource values = new MapSqlParameterSource("tenant", tenant).addValue("entity", place.entity())
                .addValue("attachment", place.attachmentId()).addValue("document", place.documentId())
                .addValue("name", place.fileName()).addValue("at", Timestamp.from(Instant.now()));
        int moved = state.update("update attachment_export set document_xero_id = :document, file_name = :name, placed_at = :at,"
                + " xero_attachment_id = null where tenant_ref = :tenant and entity = :entity and attachment_id = :attachment", values);
        if (moved == 0) {
            state.update("insert into attachment_export (tenant_ref, entity, attachment_id, document_xero_id, file_name, placed_at)"
                    + " values (:tenant, :entity, :attachment, :document, :name, :at)", values);
        }
    }

    /** Xero has the file: its id, for support. */
    void taken(long tenant, String entity, long attachmentId, String xeroAttachmentId) {
        state.update("update attachment_export set xero_attachment_id = :xero where tenant_ref = :tenant and entity = :entity"
                        + " and attachment_id = :attachment",
                new MapSqlParameterSource("tenant", tenant).addValue("entity", entity).addValue("attachment", attachmentId)
                        .addValue("xero", xeroAttachmentId));
    }

    /** Xero refused the file: its place is free for another. */
    void release(long tenant, String entity, long attachmentId) {
        state.update("delete from attachment_export where tenant_ref = :tenant and entity = :entity and attachment_id = :attachment",
                new MapSqlParameterSource("tenant", tenant).addValue("entity", entity).addValue("attachment", attachmentId));
    }

    static String key(String entity, long attachmentId) {
        return entity + "/" + attachmentId;
    }
}
