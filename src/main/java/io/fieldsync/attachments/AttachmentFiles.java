package io.fieldsync.attachments;

import javax.sql.DataSource;

import io.fieldsync.settings.AttachmentProperties;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Opens a file's bytes for its upload, as the HTTP request's body: streamed from the field-service
 * database chunk by chunk while Xero reads them, with the length Xero is told up front. Opened
 * anew for each try of the call, so a try sent again sends the whole file again.
 */
@Component("attachmentFiles")
public class AttachmentFiles {

    private final JdbcTemplate source;
    private final int chunkBytes;

    public AttachmentFiles(@Qualifier("sourceDataSource") DataSource source, io.fieldsync.config.DatabaseTimeouts timeouts,
                           AttachmentProperties attachments) {
        this.source = timeouts.jdbcTemplate(source);
        this.chunkBytes = attachments.chunkBytes();
    }

    public HttpEntity open(AttachmentUpload upload) {
        // the stored bytes, not size_bytes, decide the length: a wrong size column must not cut a file short
        Long length = source.queryForObject("select octet_length(content) from attachments where id = ?", Long.class,
                upload.attachmentId());
        if (length == null) {
            throw new IllegalStateException("File " + upload.attachmentId() + " has no content in the field-service database");
        }
        return new InputStreamEntity(new BlobChunks(source, upload.attachmentId(), length, chunkBytes), length,
                ContentType.APPLICATION_OCTET_STREAM);
    }
}
