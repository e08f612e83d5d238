package io.fieldsync.attachments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.fieldsync.xero.Outgoing;

/**
 * One file on its way to one Xero document: {@code PUT {collection}/{documentId}/Attachments/{fileName}}.
 * The route reads its parts; the bytes are opened only when the call is made.
 *
 * @param entity     {@code attachment} (to its invoice or purchase order) or {@code bill-attachment}
 * @param description what the upload is, as JSON: the dead letter and the Idempotency-Key take it in place of the bytes
 */
public record AttachmentUpload(String entity, long attachmentId, String collection, String documentId, String documentLabel,
                               String fileName, long sizeBytes, boolean includeOnline, String hash, String description) {

    /** Below the collection, the file name as one percent-encoded path segment (spaces, accents, brackets). */
    public String path() {
        return "/" + documentId + "/Attachments/" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code IncludeOnline} exists on sales invoices only. */
    public String query() {
        return includeOnline ? "IncludeOnline=true" : null;
    }

    /** As the record outcomes and dead letters take a delivery: a batch of one. */
    public List<Outgoing> batch() {
        return List.of(new Outgoing(attachmentId, Map.of("FileName", fileName, "Document", documentId), hash, fileName, List.of()));
    }
}
