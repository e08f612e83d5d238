package io.fieldsync.attachments;

import java.util.List;

import io.fieldsync.push.RecordOutcomes;
import io.fieldsync.xero.ElementResult;
import io.fieldsync.xero.XeroConnection;
import org.springframework.stereotype.Component;

/**
 * Records how an upload ended: SYNCED with the file linked to Xero's copy, or FAILED with Xero's
 * own words, its place on the document then free for another file.
 */
@Component("attachmentOutcomes")
public class AttachmentOutcomes {

    private final RecordOutcomes outcomes;
    private final AttachmentExports exports;
    private final XeroConnection connection;

    public AttachmentOutcomes(RecordOutcomes outcomes, AttachmentExports exports, XeroConnection connection) {
        this.outcomes = outcomes;
        this.exports = exports;
        this.connection = connection;
    }

    public void save(AttachmentUpload upload, long runId, List<ElementResult> results) {
        outcomes.save(upload.entity(), runId, upload.batch(), results);
        long tenant = connection.currentTenant().getId();
        ElementResult result = results.get(0);
        if (result.isOk()) {
            exports.taken(tenant, upload.entity(), upload.attachmentId(), result.xeroId());
        } else {
            exports.release(tenant, upload.entity(), upload.attachmentId());
        }
    }
}
